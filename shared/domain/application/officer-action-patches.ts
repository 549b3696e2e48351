import type { LicenseType } from "../../catalog/schema";
import type { Actor } from "../actor";
import { problems } from "../errors";
import { checkApprovalFee } from "../fees";
import { amount } from "../texts/reader-format";
import type { ApplicationDeadlines } from "./deadlines";
import { fixRequestOf } from "./fix-request";
import type { OfficerAction, OfficerActionName } from "./officer-action-types";
import type { Application } from "./types";

export interface OfficerActionContext {
  licenseType: LicenseType;
  officer: Actor;
  now: Date;
  deadlines: ApplicationDeadlines;
  /** Only issue-license needs it: the number the store allocated. */
  licenseNumber?: string;
}

/** What an action writes on the application, and what its history event says. */
export interface Patch {
  patch: Partial<Application>;
  comment?: string | undefined;
  data?: Record<string, unknown>;
}

type PatchOf<A extends OfficerActionName> = (
  app: Application,
  action: Extract<OfficerAction, { action: A }>,
  ctx: OfficerActionContext,
) => Patch;

/** One function per officer action (001's steps 6–15): each checks its own rule and says what changes. */
export const officerActionPatches: { [A in OfficerActionName]: PatchOf<A> } = {
  "request-fix": (_app, action, ctx) => {
    const fixRequest = fixRequestOf(action, ctx.licenseType, ctx.officer, ctx.now);
    return {
      patch: { status: "FIX_REQUESTED", fixRequest, dueAt: fixRequest.deadline },
      comment: action.comment,
      data: { items: action.items, deadline: fixRequest.deadline },
    };
  },
  "confirm-complete": (_app, action, { licenseType, deadlines, now }) => {
    const decisionDueAt = deadlines.decisionDue(now, licenseType).toISOString();
    return {
      patch: {
        status: "DOCS_COMPLETE",
        clockStartedAt: now.toISOString(),
        decisionDueAt,
        dueAt: decisionDueAt,
        fixRequest: undefined,
      },
      comment: action.comment,
      data: { decisionDueAt },
    };
  },
  "schedule-inspection": (app, action) => ({
    patch: {
      status: "INSPECTION_SCHEDULED",
      inspection: { ...app.inspection, scheduledAt: action.scheduledAt, place: action.place },
    },
    comment: action.comment,
    data: { scheduledAt: action.scheduledAt, place: action.place },
  }),
  "record-delay-reason": (_app, action, { now, officer }) => ({
    patch: {
      delayReason: { reason: action.reason, recordedAt: now.toISOString(), recordedBy: officer.userId },
    },
    comment: action.reason,
  }),
  "record-committee-resolution": (_app, action) => ({
    patch: { status: "UNDER_REVIEW" },
    comment: action.minutes,
    data: { resolution: action.resolution },
  }),
  "record-inspection": (app, action) => ({
    patch: {
      status: "UNDER_REVIEW",
      inspection: { ...app.inspection, result: action.result, findings: action.findings },
    },
    comment: action.findings,
    data: { result: action.result },
  }),
  approve: (app, action, { licenseType, deadlines, now, officer }) => {
    if (licenseType.workflow.assessment && action.feeTHB !== 0)
      throw problems.invalidFee({
        en: "Approve with a fee of 0: the assessment that follows states the amount",
        th: "อนุมัติโดยค่าธรรมเนียม 0 บาท: จำนวนเงินระบุในใบแจ้งการประเมินที่ตามมา",
      });
    checkApprovalFee(licenseType, action.feeTHB);
    const at = now.toISOString();
    const decision = {
      outcome: "approved" as const,
      feeTHB: action.feeTHB,
      decidedAt: at,
      decidedBy: officer.userId,
    };
    // A cancellation ends with its approval: the license is cancelled, nothing is paid or issued.
    if (licenseType.caseType === "cancel")
      return {
        patch: { status: "APPROVED", decision, dueAt: undefined, closedAt: at, clockStoppedAt: at },
        comment: action.comment,
        data: { feeTHB: action.feeTHB, cancelsLicense: app.formData.licenseNumber },
      };
    const dueAt = licenseType.workflow.payment
      ? deadlines.paymentDue(now, licenseType).toISOString()
      : deadlines.issueDue(now).toISOString();
    return {
      patch: { status: "APPROVED", decision, dueAt },
      comment: action.comment,
      data: { feeTHB: action.feeTHB },
    };
  },
  reject: (_app, action, { now, officer }) => {
    const at = now.toISOString();
    return {
      patch: {
        status: "REJECTED",
        decision: { outcome: "rejected", reasons: action.reasons, decidedAt: at, decidedBy: officer.userId },
        dueAt: undefined,
        clockStoppedAt: at,
      },
      comment: action.reasons.join("; "),
      data: { reasons: action.reasons },
    };
  },
  "issue-assessment": (_app, action, { licenseType, deadlines, now }) => ({
    patch: {
      assessment: {
        assessmentNumber: action.assessmentNumber,
        amountTHB: action.amountTHB,
        issuedAt: now.toISOString(),
        ...(action.trackingNumber ? { trackingNumber: action.trackingNumber } : {}),
      },
      dueAt: deadlines.paymentDue(now, licenseType).toISOString(),
    },
    comment: action.trackingNumber ? `เลขติดตามพัสดุ ${action.trackingNumber}` : undefined,
    data: { assessmentNumber: action.assessmentNumber, amountTHB: action.amountTHB },
  }),
  "confirm-payment": (app, action, { licenseType, deadlines, now }) => {
    // After an assessment the amount due is the assessed one, not the (zero) approval fee.
    const fee = app.assessment?.amountTHB ?? app.decision?.feeTHB ?? 0;
    if (action.amountTHB !== fee)
      throw problems.invalidFee({
        en: `The amount paid (${amount(action.amountTHB)} THB) differs from the amount due (${amount(fee)} THB)`,
        th: `จำนวนเงินที่ชำระ (${amount(action.amountTHB)} บาท) ไม่ตรงกับจำนวนที่ต้องชำระ (${amount(fee)} บาท)`,
      });
    const at = now.toISOString();
    const payment = {
      receiptNumber: action.receiptNumber,
      amountTHB: action.amountTHB,
      channel: action.channel,
      ...(action.channel === "billPayment" ? { reference: action.reference } : {}),
      confirmedAt: at,
    };
    const data = {
      receiptNumber: action.receiptNumber,
      amountTHB: action.amountTHB,
      channel: action.channel,
    };
    // An assessed tax ends with its payment and receipt: there is no license to issue.
    if (licenseType.workflow.assessment)
      return {
        patch: { status: "PAYMENT_CONFIRMED", payment, dueAt: undefined, closedAt: at, clockStoppedAt: at },
        data,
      };
    return {
      patch: { status: "PAYMENT_CONFIRMED", payment, dueAt: deadlines.issueDue(now).toISOString() },
      data,
    };
  },
  "issue-license": (_app, action, { licenseNumber }) => {
    if (!licenseNumber) throw new Error("issue-license needs an allocated license number");
    return {
      patch: { status: "LICENSE_ISSUED", licenseNumber, dueAt: undefined },
      comment: action.comment,
      data: { licenseNumber },
    };
  },
  "confirm-pickup": (_app, action, { now }) => {
    const at = now.toISOString();
    return {
      patch: { status: "COLLECTED", collectedAt: at, clockStoppedAt: at, dueAt: undefined },
      data: { collectedBy: action.collectedBy },
    };
  },
};

/** Looks up the action's function: the table is typed per action, the call site by the union. */
export function patchFor(app: Application, action: OfficerAction, ctx: OfficerActionContext): Patch {
  const patchOf = officerActionPatches[action.action] as PatchOf<OfficerActionName>;
  return patchOf(app, action as never, ctx);
}
