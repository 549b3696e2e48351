import { readdirSync, readFileSync } from "node:fs";
import type { LicenseCatalog } from "../ports/license-catalog";
import { findAgency } from "./agencies";
import { type LicenseType, licenseTypeSchema } from "./schema";

/**
 * The license catalog: one JSON file per license type, built from the citizen manuals by
 * `npm run catalog` (shared/catalog/build) and validated against the schema when first read. The
 * files are data, not code: they ship next to each Lambda bundle (copied by the bundling hook in
 * infra/constructs/function.ts) instead of inside it, and a handler reads only the types it needs.
 *
 * Versions: `<id>.json` is the entry in force; when a manual changes, the entry it replaced is kept
 * as `history/<id>@<version>.json`, so an application filed under it keeps its own steps, documents
 * and fees (s.7: manuals change, a filed application does not).
 */
export interface FileCatalog {
  findLicenseType(id: string, version?: string): LicenseType | undefined;
  allLicenseTypes(): LicenseType[];
}

const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const versionPattern = /^[a-z0-9@.-]{1,40}$/;

export function fileCatalogAt(folder: URL): FileCatalog {
  const cache = new Map<string, LicenseType | null>();
  const read = (file: string, id: string): LicenseType | null => {
    let text: string;
    try {
      text = readFileSync(new URL(file, folder), "utf8");
    } catch {
      return null;
    }
    const entry = licenseTypeSchema.parse(JSON.parse(text));
    if (entry.id !== id) throw new Error(`Catalog file ${file} holds license type ${entry.id}`);
    return entry;
  };
  const cached = (file: string, id: string) => {
    if (!cache.has(file)) cache.set(file, read(file, id));
    return cache.get(file) ?? undefined;
  };
  const catalog: FileCatalog = {
    findLicenseType(id, version) {
      if (!idPattern.test(id)) return undefined;
      const current = cached(`${id}.json`, id);
      if (version === undefined || current?.manual.version === version || !versionPattern.test(version))
        return current;
      // An entry filed before the catalog kept versions names one that never was a file: the
      // entry in force is all there is for it.
      return cached(`history/${id}@${version}.json`, id) ?? current;
    },
    allLicenseTypes() {
      return readdirSync(folder)
        .filter((f) => f.endsWith(".json"))
        .map((f) => f.replace(/\.json$/, ""))
        .sort()
        .map((id) => catalog.findLicenseType(id))
        .filter((t): t is LicenseType => t !== undefined);
    },
  };
  return catalog;
}

const packaged = fileCatalogAt(new URL("./license-types/", import.meta.url));

/** The license type in force, or the version an application was filed under. */
export function findLicenseType(id: string, version?: string): LicenseType | undefined {
  return packaged.findLicenseType(id, version);
}

/** Every license type in force, in id order. */
export function allLicenseTypes(): LicenseType[] {
  return packaged.allLicenseTypes();
}

/** The catalog files behind the domain's LicenseCatalog port (passed in by the handlers' providers). */
export const fileLicenseCatalog: LicenseCatalog = { licenseType: findLicenseType, agency: findAgency };

export { agencies, findAgency } from "./agencies";
export * from "./schema";
