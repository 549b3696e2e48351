import type { QueuePosition, QueueRow } from "../domain/application/queue";
import type { ApplicationStatus } from "../domain/application/status";
import type { Application, ApplicationChange, HistoryEvent } from "../domain/application/types";
import type { LicenseRecord } from "../domain/license";
import type { StepOutcome, StepWait } from "../domain/workflow/progress";

/** The entity is the domain's (shared/domain/license.ts); re-exported for users of this port. */
export type { LicenseRecord } from "../domain/license";

/** The first result of a request with an Idempotency-Key, kept for a day. */
export interface IdempotentResult {
  scope: string;
  key: string;
  requestHash: string;
  response: unknown;
}

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

export interface ApplyExtras {
  license?: LicenseRecord;
  sequence?: SequenceAdvance;
  /** An existing license changed by a renewal, amendment or cancellation (version-checked). */
  licenseUpdate?: LicenseRecord;
  /** The outcome of the step the change ends (shared/domain/workflow/progress.ts). */
  outcome?: StepOutcome;
  /** Where the workflow waits: a submission records round 0, the workflow to be started. */
  wait?: StepWait;
  idempotency?: IdempotentResult;
}

export interface Page<T> {
  items: T[];
  cursor?: string;
}

/** One page of an officer's queue: applications of these license types of the agency, in these statuses. */
export interface QueueQuery {
  agencyId: string;
  licenseTypeIds: readonly string[];
  statuses: readonly ApplicationStatus[];
  /** Rows strictly after this position in queue order (the previous page's last row). */
  after?: QueuePosition | undefined;
  limit: number;
}

export interface QueuePage {
  rows: QueueRow[];
  /** Rows remain after the last one. */
  more: boolean;
}

export interface ApplicationStore {
  create(application: Application, event: HistoryEvent): Promise<void>;
  get(id: string): Promise<Application | undefined>;
  /**
   * Writes the new state and its event atomically, with the extras, on the condition that the stored
   * version is `expectedVersion` (else CONCURRENT_MODIFICATION). With `sequence`, SequenceMoved when
   * another write advanced it first (nothing is written then).
   */
  apply(change: ApplicationChange, extra?: ApplyExtras): Promise<void>;
  getIdempotentResult(scope: string, key: string): Promise<IdempotentResult | undefined>;
  history(id: string): Promise<HistoryEvent[]>;
  listByApplicant(applicantId: string, page: { limit: number; cursor?: string }): Promise<Page<Application>>;
  /**
   * A page of the officer queue in queue order (`compareQueue`: earliest due first), filtered by
   * license type and status before the limit, read from the queue index alone.
   */
  queuePage(query: QueueQuery): Promise<QueuePage>;
  /** The last number used in a license-number sequence (0 before the first), read consistently. */
  currentSequence(scope: string): Promise<number>;
  getLicense(number: string): Promise<LicenseRecord | undefined>;
}
