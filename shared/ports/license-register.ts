import type { LicenseRecord } from "../domain/license";

/** The register of issued licenses, for what happens to them over time (renewal reminders). */
export interface LicenseRegister {
  /** Valid licenses expiring before `instant` whose holder has not been reminded for this validity. */
  expiringBefore(instant: Date, limit: number): Promise<LicenseRecord[]>;
  /** Records the reminder; false when the license changed meanwhile (it is looked at again next run). */
  markReminded(license: LicenseRecord): Promise<boolean>;
}
