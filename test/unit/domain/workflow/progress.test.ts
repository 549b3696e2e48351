import { describe, expect, it } from "vitest";
import { deliveryOf, type StepOutcome } from "../../../../shared/domain/workflow/progress";
import { stepGraphOf } from "../../../../shared/domain/workflow/step-graph";
import { applicationIn, fixDeadline, fixRequested, mondayTen } from "../fixtures";

const graph = stepGraphOf({
  caseType: "new",
  inspection: true,
  committee: false,
  payment: true,
  pickup: true,
  assessment: false,
});
const outcome = (step: StepOutcome["step"], action: StepOutcome["action"], round = 3): StepOutcome => ({
  applicationId: "a",
  round,
  step,
  action,
  committedAt: mondayTen.toISOString(),
});

describe("what the workflow is told when a step ends", () => {
  it("the way forward is a success; into a step on the decision clock, with the seconds until it is due", () => {
    const app = applicationIn("DOCS_COMPLETE", { decisionDueAt: "2026-03-02T04:00:00.000Z" });
    expect(deliveryOf(graph, outcome("completenessCheck", "confirm-complete"), app, mondayTen)).toEqual({
      kind: "success",
      message: { round: 3, action: "confirm-complete", wait: { timeoutSeconds: 3600 } },
    });
  });

  it("a side way is the failure Outcome.<action>, its message the cause; into the fix step, timed to the deadline", () => {
    const now = new Date(Date.parse(fixDeadline) - 90_500);
    const delivery = deliveryOf(graph, outcome("completenessCheck", "request-fix"), fixRequested(), now);
    expect(delivery).toEqual({
      kind: "failure",
      error: "Outcome.request-fix",
      cause: JSON.stringify({ round: 3, action: "request-fix", wait: { timeoutSeconds: 91 } }),
    });
  });

  it("an application already past the fix (resubmitted meanwhile) gets a bounded wait it will leave at once", () => {
    const app = { ...fixRequested(), status: "RESUBMITTED" as const };
    const delivery = deliveryOf(graph, outcome("completenessCheck", "request-fix"), app, mondayTen);
    expect(JSON.parse((delivery as { cause: string }).cause).wait).toEqual({ timeoutSeconds: 60 });
  });

  it("into an untimed step or an end, no timeout", () => {
    const app = applicationIn("APPROVED");
    expect(deliveryOf(graph, outcome("decision", "approve"), app, mondayTen)).toEqual({
      kind: "success",
      message: { round: 3, action: "approve" },
    });
    expect(deliveryOf(graph, outcome("decision", "reject"), app, mondayTen)).toMatchObject({
      kind: "failure",
      error: "Outcome.reject",
    });
  });

  it("refuses an outcome the graph does not have (a bug, not a user's mistake)", () => {
    expect(() =>
      deliveryOf(graph, outcome("payment", "approve"), applicationIn("APPROVED"), mondayTen),
    ).toThrow(/does not end the step payment/);
  });
});
