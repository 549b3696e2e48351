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
}

export interface Application {
  id: string;
  licenseTypeId: string;
  /** The manual version the application is filed under (s.7: manuals change over time). */
  manualVersion: string;
  agencyId: string;
  applicantId: string;
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
  inspection?: { scheduledAt?: string; place?: string; result?: "passed" | "failed"; findings?: string };
  decision?: {
    outcome: "approved" | "rejected";
    feeTHB?: number;
    reasons?: string[];
    decidedAt: string;
    decidedBy: string;
  };
  payment?: { receiptNumber: string; amountTHB: number; channel: "counter"; confirmedAt: string };
  licenseNumber?: string;
  collectedAt?: string;
  /** The clock stops at rejection or collection (001 FAQ 3). */
  clockStoppedAt?: string;
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
  data?: Record<string, unknown>;
}

/** A change the store must apply atomically: the new state, its event, the step it ends. */
export interface ApplicationChange {
  application: Application;
  expectedVersion: number;
  event: HistoryEvent;
  /** The human step this change ends; the store consumes its task token in the same transaction. */
  endsStep?: HumanStep;
}
