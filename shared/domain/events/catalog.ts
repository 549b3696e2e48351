import type { ApplicationStatus } from "../application/status";
import type { Application } from "../application/types";

/**
 * The event catalog (issue 17): what an agency's system is told when an application or a license
 * changes. Plain types, so the domain needs no validation library; shared/schemas/events.ts is the
 * published contract (validation and the AsyncAPI document) and fails to compile if its output and
 * these types ever differ.
 *
 * Events are thin on purpose: state facts (dates, amounts, numbers, document keys) and API paths to
 * read the rest with the agency's own credentials. No free text (an officer's reasons, a place, who
 * collected) and nothing of the applicant (national ID, name, address, account): free text may hold
 * personal data no check can see, and a webhook body is copied to places the API's access rules
 * never reach.
 */

/** Bumped on a breaking change to the envelope or any payload; additions keep it. */
export const eventSpecVersion = "1.0";

export const eventTypes = [
  "application.submitted",
  "fix.requested",
  "fix.submitted",
  "application.returned",
  "documents.complete",
  "inspection.scheduled",
  "inspection.recorded",
  "committee.resolved",
  "application.approved",
  "application.rejected",
  "application.withdrawn",
  "decision.overdue",
  "assessment.issued",
  "payment.confirmed",
  "license.issued",
  "license.collected",
  "license.renewed",
  "license.amended",
  "license.cancelled",
  "license.expiring",
] as const;
export type EventType = (typeof eventTypes)[number];

/** Where to read more: API paths (relative to the API's base URL), never documents themselves. */
export interface EventLinks {
  application: string;
  history: string;
  license?: string;
  verify?: string;
}

interface Linked {
  links: EventLinks;
}
interface LicenseData extends Linked {
  licenseNumber: string;
}

/** Each event type's payload. */
export interface EventData {
  "application.submitted": Linked & { caseType: Application["caseType"]; submittedAt: string };
  "fix.requested": Linked & { documentKeys: string[]; deadline: string };
  "fix.submitted": Linked;
  "application.returned": Linked & { deadline?: string };
  "documents.complete": Linked & { clockStartedAt: string; decisionDueAt: string };
  "inspection.scheduled": Linked & { scheduledAt: string };
  "inspection.recorded": Linked & { result: "passed" | "failed" };
  "committee.resolved": Linked & { resolution: "recommendApproval" | "recommendRejection" };
  "application.approved": Linked & { feeTHB: number };
  "application.rejected": Linked & { reasonCount: number };
  "application.withdrawn": Linked & { fromStatus: ApplicationStatus };
  "decision.overdue": Linked & { noticeNo: number; decisionDueAt: string; nextNoticeAt: string };
  "assessment.issued": Linked & { assessmentNumber: string; amountTHB: number };
  "payment.confirmed": Linked & {
    receiptNumber: string;
    amountTHB: number;
    channel: "counter" | "billPayment";
  };
  "license.issued": LicenseData;
  "license.collected": LicenseData;
  "license.renewed": LicenseData;
  "license.amended": LicenseData;
  "license.cancelled": LicenseData;
  "license.expiring": LicenseData & { validUntil: string };
}

/** One event as delivered: the envelope and its type's payload. */
export interface EventOf<T extends EventType> {
  /**
   * Stable for de-duplication, derived from the state change (`<applicationId>:<version>:<type>`,
   * the version the change wrote): replaying a committed change yields the same id.
   */
  id: string;
  type: T;
  specversion: typeof eventSpecVersion;
  /** When the change committed (ISO instant). */
  time: string;
  agencyId: string;
  licenseTypeId: string;
  applicationId: string;
  data: EventData[T];
}

export type BusinessEvent = { [T in EventType]: EventOf<T> }[EventType];
