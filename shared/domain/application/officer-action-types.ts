import type { FixRequest } from "./types";

/**
 * The officer's actions on an application (DESIGN.md §6: one endpoint, a discriminated union on
 * `action`), as the rules receive them once the request is valid. Plain types, so the domain needs
 * no validation library: shared/schemas/officer-actions.ts validates requests into these shapes (and
 * documents them in OpenAPI), and fails to compile if its output and these types ever differ.
 * Times are ISO instants; amounts are baht, to the satang.
 */

export interface RequestFixAction {
  action: "request-fix";
  /** The s.8 memo: each missing or faulty document of the manual, and why. */
  items: FixRequest["items"];
  deadline: string;
  comment?: string;
}

export interface ConfirmCompleteAction {
  action: "confirm-complete";
  comment?: string;
}

export interface ScheduleInspectionAction {
  action: "schedule-inspection";
  scheduledAt: string;
  place: string;
  comment?: string;
}

export interface RecordInspectionAction {
  action: "record-inspection";
  result: "passed" | "failed";
  findings: string;
}

export interface RecordDelayReasonAction {
  action: "record-delay-reason";
  reason: string;
}

export interface RecordCommitteeResolutionAction {
  action: "record-committee-resolution";
  resolution: "recommendApproval" | "recommendRejection";
  minutes: string;
}

export interface ApproveAction {
  action: "approve";
  feeTHB: number;
  comment?: string;
}

export interface RejectAction {
  action: "reject";
  reasons: string[];
}

export interface IssueAssessmentAction {
  action: "issue-assessment";
  assessmentNumber: string;
  amountTHB: number;
  /** The parcel tracking number when the assessment is posted (001: logged as a comment). */
  trackingNumber?: string;
}

/** Paid at the agency's counter: the receipt is the proof. */
export interface CounterPaymentAction {
  action: "confirm-payment";
  channel: "counter";
  receiptNumber: string;
  amountTHB: number;
}

/** Paid by bank bill payment: the officer also checked the bank's reference. */
export interface BillPaymentAction {
  action: "confirm-payment";
  channel: "billPayment";
  receiptNumber: string;
  amountTHB: number;
  /** The bank's bill-payment reference the officer checked the payment against. */
  reference: string;
}

/** The payment channels differ in what the officer checked, so each carries its own fields. */
export type ConfirmPaymentAction = CounterPaymentAction | BillPaymentAction;

export interface IssueLicenseAction {
  action: "issue-license";
  comment?: string;
}

export interface ConfirmPickupAction {
  action: "confirm-pickup";
  collectedBy: string;
}

export type OfficerAction =
  | RequestFixAction
  | ConfirmCompleteAction
  | ScheduleInspectionAction
  | RecordInspectionAction
  | RecordDelayReasonAction
  | RecordCommitteeResolutionAction
  | ApproveAction
  | RejectAction
  | IssueAssessmentAction
  | ConfirmPaymentAction
  | IssueLicenseAction
  | ConfirmPickupAction;

export type OfficerActionName = OfficerAction["action"];
