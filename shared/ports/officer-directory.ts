import type { OfficerAccount } from "../domain/officers/officer-account";

/** Each agency's officer accounts: who may work on which license types (DOMAIN.md §1). */
export interface OfficerDirectory {
  /** Read consistently: a revocation must take effect on the officer's next request. */
  get(agencyId: string, userId: string): Promise<OfficerAccount | undefined>;
  /**
   * Creates (no `previous`: fails if the account exists) or replaces the account on the condition
   * that the stored version is `previous.version`; either way CONCURRENT_MODIFICATION when the
   * condition fails. The national ID stays unique within the agency: NATIONAL_ID_IN_USE when another
   * account of the agency holds it; the previous one is released when it changes.
   */
  put(account: OfficerAccount, previous?: OfficerAccount): Promise<void>;
  /** Every account of the agency, active or not, ordered by user id. */
  listByAgency(agencyId: string): Promise<OfficerAccount[]>;
}
