import { describe, expect, it } from "vitest";
import {
  edgeOf,
  isForwardEdge,
  stepGraphOf,
  stepsAnnotatedBy,
  stepsEndedBy,
  type WorkflowShape,
} from "../../../../shared/domain/workflow/step-graph";

const shape = (overrides: Partial<WorkflowShape> = {}): WorkflowShape => ({
  caseType: "new",
  inspection: true,
  committee: false,
  payment: true,
  pickup: true,
  assessment: false,
  ...overrides,
});

/** Each step as "step: action→next, …" (the first edge is the way forward). */
function described(s: WorkflowShape): string[] {
  return [...stepGraphOf(s).steps.values()].map(
    (step) =>
      `${step.step} [${step.timer}]: ${step.edges
        .map((e) => `${e.action}→${typeof e.to === "string" ? e.to : `end:${e.to.end}`}`)
        .join(", ")}`,
  );
}

describe("the step graph of a license type", () => {
  it("a license with an inspection, a fee and a pickup", () => {
    expect(described(shape())).toEqual([
      "completenessCheck [none]: confirm-complete→inspection, request-fix→applicantFix, withdraw→end:withdrawn",
      "applicantFix [fixDeadline]: resubmit→completenessCheck, withdraw→end:withdrawn",
      "inspection [decisionClock]: record-inspection→decision, reject→end:rejected, withdraw→end:withdrawn",
      "decision [decisionClock]: approve→payment, reject→end:rejected, withdraw→end:withdrawn",
      "payment [none]: confirm-payment→licenseIssue",
      "licenseIssue [none]: issue-license→pickup",
      "pickup [none]: confirm-pickup→end:collected",
    ]);
  });

  it("a committee sits between the inspection and the decision; without either, the decision follows the check", () => {
    expect(described(shape({ committee: true })).slice(2, 5)).toEqual([
      "inspection [decisionClock]: record-inspection→committee, reject→end:rejected, withdraw→end:withdrawn",
      "committee [decisionClock]: record-committee-resolution→decision, reject→end:rejected, withdraw→end:withdrawn",
      "decision [decisionClock]: approve→payment, reject→end:rejected, withdraw→end:withdrawn",
    ]);
    expect(described(shape({ inspection: false }))[0]).toMatch(
      /^completenessCheck \[none\]: confirm-complete→decision/,
    );
  });

  it("an assessed tax ends with its payment; a cancellation with its approval; no fee, no payment step", () => {
    expect(described(shape({ inspection: false, pickup: false, assessment: true })).slice(2)).toEqual([
      "decision [decisionClock]: approve→assessment, reject→end:rejected, withdraw→end:withdrawn",
      "assessment [none]: issue-assessment→payment",
      "payment [none]: confirm-payment→end:paid",
    ]);
    expect(described(shape({ caseType: "cancel", inspection: false })).slice(2)).toEqual([
      "decision [decisionClock]: approve→end:cancelled, reject→end:rejected, withdraw→end:withdrawn",
    ]);
    expect(described(shape({ payment: false, pickup: false })).slice(3)).toEqual([
      "decision [decisionClock]: approve→licenseIssue, reject→end:rejected, withdraw→end:withdrawn",
      "licenseIssue [none]: issue-license→end:issued",
    ]);
  });

  it("answers which step an action ends, whether it is the way forward, and the statuses of each step", () => {
    const graph = stepGraphOf(shape({ committee: true }));
    expect(edgeOf(graph, "decision", "approve")?.to).toBe("payment");
    expect(edgeOf(graph, "decision", "confirm-complete")).toBeUndefined();
    expect(isForwardEdge(graph, "completenessCheck", "confirm-complete")).toBe(true);
    expect(isForwardEdge(graph, "completenessCheck", "request-fix")).toBe(false);
    expect(stepsEndedBy(graph, "reject")).toEqual(["inspection", "committee", "decision"]);
    expect(stepsAnnotatedBy(graph, "schedule-inspection")).toEqual(["inspection"]);
    expect(stepsAnnotatedBy(graph, "record-delay-reason")).toEqual(["inspection", "committee", "decision"]);
    // What an application shows while it waits at each step (what the status alone cannot tell apart).
    expect(Object.fromEntries([...graph.steps.values()].map((s) => [s.step, s.statuses]))).toEqual({
      completenessCheck: ["SUBMITTED", "RESUBMITTED"],
      applicantFix: ["FIX_REQUESTED"],
      inspection: ["DOCS_COMPLETE", "INSPECTION_SCHEDULED"],
      committee: ["UNDER_REVIEW"],
      decision: ["UNDER_REVIEW"],
      payment: ["APPROVED"],
      licenseIssue: ["PAYMENT_CONFIRMED"],
      pickup: ["LICENSE_ISSUED"],
    });
  });
});
