import type { LicenseType } from "../../catalog/schema";
import type { OfficerAction, OfficerActionName } from "../../schemas/officer-actions";
import type { Actor } from "../actor";
import { problems } from "../errors";
import { checkApprovalFee } from "../fees";
import type { ApplicationDeadlines } from "./deadlines";
import { awaitingDecisionStatuses } from "./decision-clock";
import { checkFixDeadline } from "./fix-deadline";
import { change } from "./lifecycle";
import type { ApplicationStatus, HumanStep } from "./status";
import type { Application, ApplicationChange } from "./types";

/**
 * The officer's side of the lifecycle (001's steps 6–15). Each action is allowed from some statuses,
 * ends (or, for scheduling, only annotates) one human step of the workflow, and leads to a status.
 */
interface ActionRule {
  from: (lt: LicenseType) => readonly ApplicationStatus[];
  /** The step the workflow must be waiting at; none for an action that only annotates. */
  step?: HumanStep;
  /** Other steps the action may end instead, whichever the workflow waits at (a refusal). */
  alsoEnds?: readonly HumanStep[];
  /** false: the action is recorded but the workflow keeps waiting at the same step. */
  resumesWorkflow: boolean;
}

const awaitingCheck: ApplicationStatus[] = ["SUBMITTED", "RESUBMITTED"];
const awaitingDecision = (lt: LicenseType): ApplicationStatus[] =>
  lt.workflow.inspection ? ["UNDER_REVIEW"] : ["DOCS_COMPLETE", "UNDER_REVIEW"];
/** Consideration has started: s.8 allows no new document demands from here on. */
const considerationStarted: ApplicationStatus[] = [...awaitingDecisionStatuses];

export const officerActionRules: Record<OfficerActionName, ActionRule> = {
  "request-fix": { from: () => awaitingCheck, step: "completenessCheck", resumesWorkflow: true },
  "confirm-complete": { from: () => awaitingCheck, step: "completenessCheck", resumesWorkflow: true },
  "schedule-inspection": {
    from: () => ["DOCS_COMPLETE", "INSPECTION_SCHEDULED"],
    resumesWorkflow: false,
  },
  "record-delay-reason": { from: () => awaitingDecisionStatuses, resumesWorkflow: false },
  "record-committee-resolution": {
    from: (lt) =>
      !lt.workflow.committee
        ? []
        : lt.workflow.inspection
          ? ["UNDER_REVIEW"]
          : ["DOCS_COMPLETE", "UNDER_REVIEW"],
    step: "committee",
    resumesWorkflow: true,
  },
  "record-inspection": {
    from: () => ["DOCS_COMPLETE", "INSPECTION_SCHEDULED"],
    step: "inspection",
    resumesWorkflow: true,
  },
  approve: { from: awaitingDecision, step: "decision", resumesWorkflow: true },
  // A refusal needs no inspection or committee first (zoning may forbid the business outright): it
  // ends whichever consideration step the workflow waits at, and the workflow routes it to REJECTED.
  reject: {
    from: () => considerationStarted,
    step: "decision",
    alsoEnds: ["inspection", "committee"],
    resumesWorkflow: true,
  },
  "issue-assessment": {
    from: (lt) => (lt.workflow.assessment ? ["APPROVED"] : []),
    step: "assessment",
    resumesWorkflow: true,
  },
  "confirm-payment": { from: () => ["APPROVED"], step: "payment", resumesWorkflow: true },
  "issue-license": {
    from: (lt) =>
      lt.caseType === "cancel" || lt.workflow.assessment
        ? []
        : lt.workflow.payment
          ? ["PAYMENT_CONFIRMED"]
          : ["APPROVED"],
    step: "licenseIssue",
    resumesWorkflow: true,
  },
  "confirm-pickup": { from: () => ["LICENSE_ISSUED"], step: "pickup", resumesWorkflow: true },
};

export interface OfficerActionOutcome extends ApplicationChange {
  step?: HumanStep;
  resumesWorkflow: boolean;
  /** What the workflow's Choice states route on (small: ids and names, no documents). */
  workflowOutput: { action: OfficerActionName; fixDeadline?: string };
}

export interface OfficerActionContext {
  licenseType: LicenseType;
  officer: Actor;
  now: Date;
  deadlines: ApplicationDeadlines;
  /** Only issue-license needs it: the number the store allocated. */
  licenseNumber?: string;
  /** The step the workflow waits at, when the action may end more than one (reject). */
  waitingAt?: HumanStep;
}

export function applyOfficerAction(
  app: Application,
  action: OfficerAction,
  ctx: OfficerActionContext,
): OfficerActionOutcome {
  assertOfficerActionAllowed(app, action.action, ctx.licenseType);
  const rule = officerActionRules[action.action];
  const step = endedStep(rule, ctx.waitingAt);
  const { patch, comment, data } = patchFor(app, action, ctx);
  const outcome = change(app, patch, ctx.officer, "officer", action.action, ctx.now, { comment, data });
  const workflowOutput: OfficerActionOutcome["workflowOutput"] = { action: action.action };
  if (action.action === "request-fix") workflowOutput.fixDeadline = new Date(action.deadline).toISOString();
  return {
    ...outcome,
    ...(rule.resumesWorkflow && step ? { endsStep: step } : {}),
    ...(step ? { step } : {}),
    resumesWorkflow: rule.resumesWorkflow,
    workflowOutput,
  };
}

/** The steps an action may end, the usual one first: what the workflow must be waiting at. */
export function stepsEndedBy(action: OfficerActionName): HumanStep[] {
  const rule = officerActionRules[action];
  return rule.step ? [rule.step, ...(rule.alsoEnds ?? [])] : [];
}

function endedStep(rule: ActionRule, waitingAt: HumanStep | undefined): HumanStep | undefined {
  if (!rule.step) return undefined;
  if (!waitingAt || waitingAt === rule.step) return rule.step;
  if (rule.alsoEnds?.includes(waitingAt)) return waitingAt;
  throw new Error(`This action cannot end the step "${waitingAt}"`);
}

export function assertOfficerActionAllowed(
  app: Application,
  action: OfficerActionName,
  lt: LicenseType,
): void {
  if (action === "request-fix" && considerationStarted.includes(app.status))
    throw problems.fixNotAllowedAfterComplete();
  if (!officerActionRules[action].from(lt).includes(app.status))
    throw problems.invalidTransition(action, app.status);
}

interface Patch {
  patch: Partial<Application>;
  comment?: string | undefined;
  data?: Record<string, unknown>;
}

function patchFor(app: Application, action: OfficerAction, ctx: OfficerActionContext): Patch {
  const at = ctx.now.toISOString();
  const { licenseType, deadlines, now } = ctx;
  switch (action.action) {
    case "request-fix": {
      const deadline = checkFixDeadline(action.deadline, licenseType, now);
      for (const item of action.items)
        if (!licenseType.manual.documents.some((d) => d.key === item.documentKey))
          throw problems.unknownDocumentRequirement(item.documentKey);
      const fixRequest = {
        items: action.items,
        deadline,
        requestedBy: ctx.officer.userId,
        requestedAt: at,
      };
      return {
        patch: {
          status: "FIX_REQUESTED",
          fixRequest: action.comment ? { ...fixRequest, comment: action.comment } : fixRequest,
          dueAt: deadline,
        },
        comment: action.comment,
        data: { items: action.items, deadline },
      };
    }
    case "confirm-complete": {
      const decisionDueAt = deadlines.decisionDue(now, licenseType).toISOString();
      return {
        patch: {
          status: "DOCS_COMPLETE",
          clockStartedAt: at,
          decisionDueAt,
          dueAt: decisionDueAt,
          fixRequest: undefined,
        },
        comment: action.comment,
        data: { decisionDueAt },
      };
    }
    case "schedule-inspection":
      return {
        patch: {
          status: "INSPECTION_SCHEDULED",
          inspection: { ...app.inspection, scheduledAt: action.scheduledAt, place: action.place },
        },
        comment: action.comment,
        data: { scheduledAt: action.scheduledAt, place: action.place },
      };
    case "record-delay-reason":
      return {
        patch: { delayReason: { reason: action.reason, recordedAt: at, recordedBy: ctx.officer.userId } },
        comment: action.reason,
      };
    case "record-committee-resolution":
      return {
        patch: { status: "UNDER_REVIEW" },
        comment: action.minutes,
        data: { resolution: action.resolution },
      };
    case "record-inspection":
      return {
        patch: {
          status: "UNDER_REVIEW",
          inspection: { ...app.inspection, result: action.result, findings: action.findings },
        },
        comment: action.findings,
        data: { result: action.result },
      };
    case "approve": {
      if (licenseType.workflow.assessment && action.feeTHB !== 0)
        throw problems.invalidFee("Approve with a fee of 0: the assessment that follows states the amount");
      checkApprovalFee(licenseType, action.feeTHB);
      const decision = {
        outcome: "approved" as const,
        feeTHB: action.feeTHB,
        decidedAt: at,
        decidedBy: ctx.officer.userId,
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
    }
    case "reject":
      return {
        patch: {
          status: "REJECTED",
          decision: {
            outcome: "rejected",
            reasons: action.reasons,
            decidedAt: at,
            decidedBy: ctx.officer.userId,
          },
          dueAt: undefined,
          clockStoppedAt: at,
        },
        comment: action.reasons.join("; "),
        data: { reasons: action.reasons },
      };
    case "issue-assessment":
      return {
        patch: {
          assessment: {
            assessmentNumber: action.assessmentNumber,
            amountTHB: action.amountTHB,
            issuedAt: at,
            ...(action.trackingNumber ? { trackingNumber: action.trackingNumber } : {}),
          },
          dueAt: deadlines.paymentDue(now, licenseType).toISOString(),
        },
        comment: action.trackingNumber ? `เลขติดตามพัสดุ ${action.trackingNumber}` : undefined,
        data: { assessmentNumber: action.assessmentNumber, amountTHB: action.amountTHB },
      };
    case "confirm-payment": {
      if (licenseType.workflow.assessment && !app.assessment)
        throw problems.invalidTransition("confirm-payment before the assessment", app.status);
      // After an assessment the amount due is the assessed one, not the (zero) approval fee.
      const fee = app.assessment?.amountTHB ?? app.decision?.feeTHB ?? 0;
      if (action.amountTHB !== fee)
        throw problems.invalidFee(
          `The amount paid (${action.amountTHB} THB) differs from the amount due (${fee} THB)`,
        );
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
    }
    case "issue-license": {
      if (!ctx.licenseNumber) throw new Error("issue-license needs an allocated license number");
      return {
        patch: { status: "LICENSE_ISSUED", licenseNumber: ctx.licenseNumber, dueAt: undefined },
        comment: action.comment,
        data: { licenseNumber: ctx.licenseNumber },
      };
    }
    case "confirm-pickup":
      return {
        patch: { status: "COLLECTED", collectedAt: at, clockStoppedAt: at, dueAt: undefined },
        data: { collectedBy: action.collectedBy },
      };
  }
}
