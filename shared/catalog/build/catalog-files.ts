import { readdirSync, readFileSync } from "node:fs";
import * as z from "zod/mini";
import type { CatalogSource } from "./build-catalog";
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

/** The checked-in entries, file name → bytes. */
export function readEntryFiles(): Map<string, string> {
  return new Map(
    readdirSync(entriesDir)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((f) => [f, readFileSync(new URL(f, entriesDir), "utf8")]),
  );
}
