import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as z from "zod/mini";
import type { LicenseType } from "../schema";
import { type CatalogSource, serializeEntry } from "./build-catalog";
import { type Overrides, overridesSchema } from "./overrides";

/** Where the catalog's sources and output live in the project. */
export const catalogDir = new URL("../", import.meta.url);
export const manualsDir = new URL("manuals/", catalogDir);
export const entriesDir = new URL("license-types/", catalogDir);
export const overridesFile = new URL("overrides.json", catalogDir);

const manifestSchema = z.array(z.strictObject({ file: z.string(), authorityId: z.string() }));

/** The manuals the catalog is built from (`manuals/manuals.json`: each file and its authority). */
export function readSources(): CatalogSource[] {
  const manifest = manifestSchema.parse(
    JSON.parse(readFileSync(new URL("manuals.json", manualsDir), "utf8")),
  );
  return manifest.map((m) => ({ ...m, text: readFileSync(new URL(m.file, manualsDir), "utf8") }));
}

export function readOverrides(): Overrides {
  return overridesSchema.parse(JSON.parse(readFileSync(overridesFile, "utf8")));
}

/** The checked-in entries in force, file name → bytes. */
export function readEntryFiles(dir: URL = entriesDir): Map<string, string> {
  return new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((f) => [f, readFileSync(new URL(f, dir), "utf8")]),
  );
}

export interface WriteCounts {
  written: number;
  unchanged: number;
  /** Entries no longer built: kept in history/ for the applications filed under them. */
  retired: number;
  /** Versions replaced by a new one and kept in history/. */
  superseded: number;
}

/**
 * Writes the entries in force, one file each. An entry whose version changes leaves its previous
 * file in `history/<id>@<version>.json`, and so does an entry no longer built: an application
 * filed under a version keeps reading that version (never rewritten, never deleted).
 */
export function writeCatalog(entries: readonly LicenseType[], dir: URL = entriesDir): WriteCounts {
  const before = readEntryFiles(dir);
  const history = new URL("history/", dir);
  const keep = (file: string, text: string) => {
    const { id, manual } = JSON.parse(text) as LicenseType;
    const kept = new URL(`${id}@${manual.version}.json`, history);
    mkdirSync(history, { recursive: true });
    if (!existsSync(kept)) writeFileSync(kept, text);
    return file;
  };
  const counts: WriteCounts = { written: 0, unchanged: 0, retired: 0, superseded: 0 };
  const current = new Set<string>();
  for (const entry of entries) {
    const file = `${entry.id}.json`;
    const text = serializeEntry(entry);
    current.add(file);
    const old = before.get(file);
    if (old === text) {
      counts.unchanged += 1;
      continue;
    }
    if (old !== undefined && (JSON.parse(old) as LicenseType).manual.version !== entry.manual.version) {
      keep(file, old);
      counts.superseded += 1;
    }
    writeFileSync(new URL(file, dir), text);
    counts.written += 1;
  }
  for (const [file, text] of before)
    if (!current.has(file)) {
      keep(file, text);
      rmSync(new URL(file, dir));
      counts.retired += 1;
    }
  return counts;
}
