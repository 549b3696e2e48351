/** An issued license, verifiable by its number. */
export interface LicenseRecord {
  number: string;
  applicationId: string;
  licenseTypeId: string;
  agencyId: string;
  holderId: string;
  businessName: string;
  issuedAt: string;
  validUntil: string | null;
  /** A cancelled license (case type cancel) is no longer valid. */
  cancelledAt?: string;
  /** Renewals keep the number and extend the validity; amendments keep both. */
  renewals?: { applicationId: string; at: string; validUntil: string | null }[];
  amendments?: { applicationId: string; at: string }[];
  /** Optimistic lock for renewals, amendments and cancellation. */
  version?: number;
  /** The validity the holder was last reminded to renew (a renewal re-arms the reminder). */
  renewalReminderFor?: string;
}
