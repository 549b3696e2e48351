import type {
  Application,
  ApplicationChange,
  AttachedDocument,
  HistoryEvent,
} from "../domain/application/types";
import type { LicenseRecord } from "../domain/license";
import type { StepOutcome, StepWait } from "../domain/workflow/progress";
import type { IdempotentResult } from "./idempotency-store";
import type { SequenceAdvance } from "./license-register";

/**
 * Everything one change writes besides the application and its event, committed with them in one
 * transaction: what the other ports read (licenses and their numbers, idempotent results, the
 * workflow's progress) is written here, so a change is never half made.
 */
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

/** An attach change, and the entry of its key it was computed over (absent: none). */
export interface DocumentAttachment {
  change: ApplicationChange;
  documentKey: string;
  previous: AttachedDocument | undefined;
}

export interface Page<T> {
  items: T[];
  cursor?: string;
}

/** Applications and their history: what an applicant or officer reads and changes. */
export interface ApplicationStore {
  create(application: Application, event: HistoryEvent): Promise<void>;
  get(id: string): Promise<Application | undefined>;
  /**
   * Writes the new state and its event atomically, with the extras, on the condition that the stored
   * version is `expectedVersion` (else CONCURRENT_MODIFICATION). With `sequence`, SequenceMoved when
   * another write advanced it first (nothing is written then).
   */
  apply(change: ApplicationChange, extra?: ApplyExtras): Promise<void>;
  /**
   * Writes one entry of the documents map and its event, on the condition that the entry is still
   * `previous` and the application still waits for documents as it did (same status, same fix
   * request), not on the whole application's version: attaches of different keys do not conflict.
   * The version still advances, so a change computed before the attach conflicts with it.
   */
  attachDocument(attachment: DocumentAttachment): Promise<void>;
  history(id: string): Promise<HistoryEvent[]>;
  listByApplicant(applicantId: string, page: { limit: number; cursor?: string }): Promise<Page<Application>>;
}
