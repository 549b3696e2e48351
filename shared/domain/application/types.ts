import type { CalendarWarning } from "../working-days";
import type { ApplicationStatus, HumanStep } from "./status";

export interface AttachedDocument {
  sha256: string;
  fileName: string;
  contentType: string;
  size: number;
  attachedAt: string;
}

/** A deficiency memo under s.8: the listed items, the deadline, the officer. */
export interface FixRequest {
  items: { documentKey: string; reason: string }[];
  deadline: string;
  comment?: string;
  requestedBy: string;
  requestedAt: string;
  /** The applicant's signature on the memo, given through the API. */
  acknowledgedAt?: string;
}

/** s.10: the decision is late; the applicant is told why every 7 days, with a copy to OPDC. */
export interface OverdueState {
  since: string;
  noticeCount: number;
  lastNoticeAt: string;
  nextNoticeAt: string;
}

export interface Application {
  id: string;
  licenseTypeId: string;
  /** The manual version the application is filed under (s.7: manuals change over time). */
  manualVersion: string;
  agencyId: string;
  applicantId: string;
  /** The business it was applied for from, when made from a business's one form (issue 16). */
  businessId?: string;
  caseType: "new" | "renew" | "amend" | "cancel";
  status: ApplicationStatus;
  /** Optimistic lock: every change is written on the condition that this is unchanged. */
  version: number;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string;
  formData: Record<string, unknown>;
  documents: Record<string, AttachedDocument>;
  fixRequest?: FixRequest;
  /** When documents were confirmed complete: the legal clock starts here (s.8, 001 FAQ 2). */
  clockStartedAt?: string;
  decisionDueAt?: string;
  /** Due time of whatever the application waits for now; sorts the officer queue. */
  dueAt?: string;
  /** Present when `dueAt` or `decisionDueAt` was counted over a year whose holidays are not verified. */
  calendarWarning?: CalendarWarning;
  inspection?: { scheduledAt?: string; place?: string; result?: "passed" | "failed"; findings?: string };
  decision?: {
    outcome: "approved" | "rejected";
    feeTHB?: number;
    reasons?: string[];
    decidedAt: string;
    decidedBy: string;
  };
  /** 001, signboard tax: the assessment (ภ.ป.3) that states the amount to pay after a fee-0 approval. */
  assessment?: { assessmentNumber: string; amountTHB: number; issuedAt: string; trackingNumber?: string };
  payment?: {
    receiptNumber: string;
    amountTHB: number;
    channel: "counter" | "billPayment";
    reference?: string;
    confirmedAt: string;
  };
  /** The workflow ended here although the status is not terminal by itself (e.g. a cancellation approved). */
  closedAt?: string;
  licenseNumber?: string;
  collectedAt?: string;
  /** The clock stops at rejection or collection (001 FAQ 3). */
  clockStoppedAt?: string;
  /** The officer's reason for a late decision, quoted in every overdue notice (s.10). */
  delayReason?: { reason: string; recordedAt: string; recordedBy: string };
  overdue?: OverdueState;
  /** When the applicant was told of the decision (s.10: within 7 days of it). */
  decisionNotifiedAt?: string;
  withdrawal?: { reason?: string; withdrawnAt: string };
  /**
   * The human step the application waits at and its round (each ended step advances the round);
   * absent before submission and once the workflow ends. Actions are checked against it, never
   * against the workflow's own progress (shared/domain/workflow/progress.ts).
   */
  awaiting?: { step: HumanStep; round: number };
  executionId?: string;
}

/** One entry of the append-only history. */
export interface HistoryEvent {
  applicationId: string;
  at: string;
  actor: { userId: string; role: string };
  action: string;
  fromStatus: ApplicationStatus | null;
  toStatus: ApplicationStatus;
  comment?: string;
  /** The due time the application waits for after this event, when it has one. */
  dueAt?: string;
  /** The application's calendar warning, with the due time it qualifies. */
  calendarWarning?: CalendarWarning;
  data?: Record<string, unknown>;
}

/** A change the store must apply atomically: the new state and its event. */
export interface ApplicationChange {
  application: Application;
  expectedVersion: number;
  event: HistoryEvent;
}
