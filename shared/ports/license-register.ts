import type { LicenseRecord } from "../domain/license";

/** The entity is the domain's (shared/domain/license.ts); re-exported for users of this port. */
export type { LicenseRecord } from "../domain/license";

/**
 * A license-number sequence advanced in the same transaction that records the issue: `value` is
 * taken only if the sequence still stands at `value − 1`, so a number is used exactly when the action
 * wins, and a register has no holes.
 */
export interface SequenceAdvance {
  scope: string;
  value: number;
}

/** Another issue took the number first (the sequence moved): read it again and retry. */
export class SequenceMoved extends Error {
  constructor(
    readonly scope: string,
    options?: ErrorOptions,
  ) {
    super(`The sequence ${scope} moved`, options);
    this.name = "SequenceMoved";
  }
}

/**
 * The register of issued licenses: each by its number, the number sequences they are issued from,
 * and what happens to them over time (renewal reminders). Issues, renewals, amendments and
 * cancellations are written with the application's change (ApplyExtras), in one transaction.
 */
export interface LicenseRegister {
  getLicense(number: string): Promise<LicenseRecord | undefined>;
  /** The last number used in a license-number sequence (0 before the first), read consistently. */
  currentSequence(scope: string): Promise<number>;
  /** Valid licenses expiring before `instant` whose holder has not been reminded for this validity. */
  expiringBefore(instant: Date, limit: number): Promise<LicenseRecord[]>;
  /** Records the reminder; false when the license changed meanwhile (it is looked at again next run). */
  markReminded(license: LicenseRecord): Promise<boolean>;
}
