import { readdirSync, readFileSync } from "node:fs";
import type { LicenseCatalog } from "../ports/license-catalog";
import { findAgency } from "./agencies";
import { type LicenseType, licenseTypeSchema } from "./schema";

/**
 * The license catalog: one JSON file per license type, transcribed from the citizen manuals (seeds)
 * and validated against the schema when first read. The files are data, not code: they ship next to
 * each Lambda bundle (copied by the bundling hook in infra/constructs/function.ts) instead of inside
 * it, and a handler reads only the types it needs.
 */
const folder = new URL("./license-types/", import.meta.url);
const cache = new Map<string, LicenseType | null>();

export function findLicenseType(id: string): LicenseType | undefined {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) return undefined;
  if (!cache.has(id)) cache.set(id, read(id));
  return cache.get(id) ?? undefined;
}

/** Every license type, in id order. */
export function allLicenseTypes(): LicenseType[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.replace(/\.json$/, ""))
    .sort()
    .map((id) => findLicenseType(id))
    .filter((t): t is LicenseType => t !== undefined);
}

function read(id: string): LicenseType | null {
  let text: string;
  try {
    text = readFileSync(new URL(`${id}.json`, folder), "utf8");
  } catch {
    return null;
  }
  const entry = licenseTypeSchema.parse(JSON.parse(text));
  if (entry.id !== id) throw new Error(`Catalog file ${id}.json holds license type ${entry.id}`);
  return entry;
}

/** The catalog files behind the domain's LicenseCatalog port (passed in by the handlers' providers). */
export const fileLicenseCatalog: LicenseCatalog = { licenseType: findLicenseType, agency: findAgency };

export { agencies, findAgency } from "./agencies";
export * from "./schema";
