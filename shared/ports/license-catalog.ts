import type { Agency, LicenseType } from "../catalog/schema";

/**
 * The license catalog as the domain reads it: license types and agencies by id. The catalog's files
 * (shared/catalog, read from disk next to each bundle) are its implementation; the domain only asks.
 */
export interface LicenseCatalog {
  /** The type in force, or (with `version`) the version an application was filed under. */
  licenseType(id: string, version?: string): LicenseType | undefined;
  agency(id: string): Agency | undefined;
}
