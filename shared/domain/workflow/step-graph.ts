import type { ApplicationStatus, HumanStep } from "../application/status";

/**
 * One license type's workflow, described once: its human steps, the action that ends each and where
 * each action leads, the actions that only annotate a step, and the timer each step runs. The
 * officer-action rules (which action fits the application now) and the state machine (ASL) are both
 * derived from it, so a new license type is data: its workflow flags, never code in two places.
 */

/** Where a workflow ends: each is a terminal state of the state machine. */
export const workflowEnds = [
  "withdrawn",
  "returned",
  "rejected",
  "cancelled",
  "paid",
  "issued",
  "collected",
] as const;
export type WorkflowEnd = (typeof workflowEnds)[number];

/** The actions that end a human step (officer actions, and the applicant's resubmit and withdraw). */
export type StepAction =
  | "request-fix"
  | "confirm-complete"
  | "resubmit"
  | "withdraw"
  | "record-inspection"
  | "record-committee-resolution"
  | "approve"
  | "reject"
  | "issue-assessment"
  | "confirm-payment"
  | "issue-license"
  | "confirm-pickup";

/** Actions recorded while a step waits, which do not end it. */
export type AnnotatingAction = "schedule-inspection" | "record-delay-reason";

/**
 * What runs while a step waits: nothing; the s.8 fix deadline (when it passes, the application is
 * returned); or the s.10 decision clock (when the decision is due, and every 7 days after, an
 * overdue notice goes out and the step waits again).
 */
export type StepTimer = "none" | "fixDeadline" | "decisionClock";

export interface StepEdge {
  action: StepAction;
  to: HumanStep | { end: WorkflowEnd };
}

export interface GraphStep {
  step: HumanStep;
  timer: StepTimer;
  /** The statuses an application shows while it waits here. */
  statuses: readonly ApplicationStatus[];
  /** The first edge is the step's usual way forward; the others are its side ways out. */
  edges: readonly StepEdge[];
  annotations: readonly AnnotatingAction[];
}

export interface StepGraph {
  first: HumanStep;
  steps: ReadonlyMap<HumanStep, GraphStep>;
}

/** The variant flags of a license type (the catalog's `workflow` part and its case type). */
export interface WorkflowShape {
  caseType: "new" | "renew" | "amend" | "cancel";
  inspection: boolean;
  committee: boolean;
  payment: boolean;
  pickup: boolean;
  assessment: boolean;
}

const withdraw: StepEdge = { action: "withdraw", to: { end: "withdrawn" } };
const reject: StepEdge = { action: "reject", to: { end: "rejected" } };

/**
 * The graph of one shape, after 001's steps: completeness check (with fix rounds under s.8), the
 * consideration steps timed by the decision clock (inspection, committee, decision; a refusal may
 * end any of them, e.g. when zoning forbids the business), then what follows an approval.
 */
export function stepGraphOf(shape: WorkflowShape): StepGraph {
  const consideration: HumanStep[] = [
    ...(shape.inspection ? (["inspection"] as const) : []),
    ...(shape.committee ? (["committee"] as const) : []),
    "decision",
  ];
  const afterApproval: StepEdge["to"] =
    shape.caseType === "cancel"
      ? { end: "cancelled" }
      : shape.assessment
        ? "assessment"
        : shape.payment
          ? "payment"
          : "licenseIssue";
  const steps: GraphStep[] = [
    {
      step: "completenessCheck",
      timer: "none",
      statuses: ["SUBMITTED", "RESUBMITTED"],
      edges: [
        { action: "confirm-complete", to: consideration[0]! },
        { action: "request-fix", to: "applicantFix" },
        withdraw,
      ],
      annotations: [],
    },
    {
      step: "applicantFix",
      timer: "fixDeadline",
      statuses: ["FIX_REQUESTED"],
      edges: [{ action: "resubmit", to: "completenessCheck" }, withdraw],
      annotations: [],
    },
  ];
  for (const [i, step] of consideration.entries()) {
    const forward: StepEdge =
      step === "decision"
        ? { action: "approve", to: afterApproval }
        : {
            action: step === "inspection" ? "record-inspection" : "record-committee-resolution",
            to: consideration[i + 1]!,
          };
    steps.push({
      step,
      timer: "decisionClock",
      // The first consideration step waits while the documents are complete (and the inspection is
      // scheduled); the later ones while the application is under review.
      statuses:
        i > 0
          ? ["UNDER_REVIEW"]
          : step === "inspection"
            ? ["DOCS_COMPLETE", "INSPECTION_SCHEDULED"]
            : ["DOCS_COMPLETE"],
      edges: [forward, reject, withdraw],
      annotations:
        step === "inspection" ? ["schedule-inspection", "record-delay-reason"] : ["record-delay-reason"],
    });
  }
  if (shape.caseType !== "cancel") {
    if (shape.assessment)
      steps.push(untimed("assessment", ["APPROVED"], { action: "issue-assessment", to: "payment" }));
    if (shape.payment || shape.assessment)
      steps.push(
        untimed("payment", ["APPROVED"], {
          action: "confirm-payment",
          to: shape.assessment ? { end: "paid" } : "licenseIssue",
        }),
      );
    if (!shape.assessment)
      steps.push(
        untimed("licenseIssue", shape.payment ? ["PAYMENT_CONFIRMED"] : ["APPROVED"], {
          action: "issue-license",
          to: shape.pickup ? "pickup" : { end: "issued" },
        }),
      );
    if (!shape.assessment && shape.pickup)
      steps.push(
        untimed("pickup", ["LICENSE_ISSUED"], { action: "confirm-pickup", to: { end: "collected" } }),
      );
  }
  return { first: "completenessCheck", steps: new Map(steps.map((s) => [s.step, s])) };
}

function untimed(step: HumanStep, statuses: ApplicationStatus[], edge: StepEdge): GraphStep {
  return { step, timer: "none", statuses, edges: [edge], annotations: [] };
}

/** The edge an action takes out of a step, if it ends that step. */
export function edgeOf(graph: StepGraph, step: HumanStep, action: string): StepEdge | undefined {
  return graph.steps.get(step)?.edges.find((e) => e.action === action);
}

/** Whether the edge is the step's usual way forward (the others leave it sideways). */
export function isForwardEdge(graph: StepGraph, step: HumanStep, action: string): boolean {
  return graph.steps.get(step)?.edges[0]?.action === action;
}

/** The steps an action ends somewhere in this graph (e.g. reject: inspection, committee, decision). */
export function stepsEndedBy(graph: StepGraph, action: string): HumanStep[] {
  return [...graph.steps.values()].filter((s) => s.edges.some((e) => e.action === action)).map((s) => s.step);
}

/** The steps an annotating action may be recorded at. */
export function stepsAnnotatedBy(graph: StepGraph, action: string): HumanStep[] {
  return [...graph.steps.values()]
    .filter((s) => (s.annotations as readonly string[]).includes(action))
    .map((s) => s.step);
}
