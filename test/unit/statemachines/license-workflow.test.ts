import { describe, expect, it } from "vitest";
import { allLicenseTypes, findLicenseType } from "../../../shared/catalog";
import type { WorkflowShape } from "../../../shared/domain/workflow/step-graph";
import {
  distinctWorkflows,
  type WorkflowKey,
  workflowShapeOf,
} from "../../../shared/domain/workflow/workflow-key";
import type { State, TaskState } from "../../../statemachines/asl";
import { licenseWorkflow } from "../../../statemachines/license-workflow";

/**
 * Each workflow key's state machine as a graph: every state with where it goes (`→` its Next,
 * `⇢` a Catch, `?` a Choice), so a workflow's shape is visible here, without running anything.
 */
function graphOf(shape: WorkflowShape): Record<string, string> {
  const { States } = licenseWorkflow(shape).definition;
  return Object.fromEntries(Object.entries(States).map(([name, state]) => [name, edges(state)]));
}

function edges(state: State): string {
  if (state.Type === "Succeed") return "end";
  if (state.Type === "Choice")
    return [...state.Choices.map((c) => `? ${c.Next}`), `? else ${state.Default}`].join(", ");
  const catches = ((state as TaskState).Catch ?? []).map((c) => `⇢ ${c.ErrorEquals.join("|")} ${c.Next}`);
  return [`→ ${state.Next}`, ...catches].join(", ");
}

/** The catalog's workflows: one per key, each with the license types that run on it. */
const workflows = distinctWorkflows(allLicenseTypes());
const keyed = (key: WorkflowKey) => {
  const workflow = workflows.find((w) => w.key === key);
  if (!workflow) throw new Error(`The catalog has no workflow ${key}`);
  return workflow;
};
const food = workflowShapeOf(findLicenseType("food-premises-over-200sqm-klong-dan")!);

/** The part every family shares: the completeness check with its s.8 fix round. */
const completeness = (firstConsideration: string) => ({
  AwaitCompletenessCheck: `→ ${firstConsideration}, ⇢ Outcome.request-fix AfterRequestFix, ⇢ Outcome.withdraw Withdrawn`,
  AfterRequestFix: "→ AwaitApplicantFix",
  AwaitApplicantFix:
    "→ AwaitCompletenessCheck, ⇢ States.Timeout ReturnApplication, ⇢ Outcome.withdraw Withdrawn",
  ReturnApplication: "→ RouteReturn",
  RouteReturn: "? Returned, ? else AwaitApplicantFix",
  Returned: "end",
  Withdrawn: "end",
});

/** A consideration step on the s.10 clock: escalates when overdue, and may end in a refusal. */
const consideration = (step: string, next: string) => ({
  [`Await${step}`]: `→ ${next}, ⇢ States.Timeout Escalate${step}, ⇢ Outcome.reject Rejected, ⇢ Outcome.withdraw Withdrawn`,
  [`Escalate${step}`]: `→ Await${step}`,
});

describe("the state machine of each workflow key, derived from its step graph", () => {
  it("the catalog's 91 license types run on one state machine per distinct step graph", () => {
    expect(workflows.map((w) => w.key)).toEqual([
      "assessment",
      "cancel",
      "license",
      "license-committee-payment-pickup",
      "license-committee-pickup",
      "license-inspection-committee-payment-pickup",
      "license-inspection-payment-pickup",
      "license-inspection-pickup",
      "license-payment",
      "license-payment-pickup",
      "license-pickup",
    ]);
    expect(workflows.flatMap((w) => w.licenseTypeIds)).toHaveLength(91);
  });

  it("license-inspection-payment-pickup: food premises, fuel stations, their renewals and amendments", () => {
    const workflow = keyed("license-inspection-payment-pickup");
    expect(workflow.licenseTypeIds).toEqual(
      expect.arrayContaining([
        "food-premises-over-200sqm-klong-dan",
        "food-premises-over-200sqm-renewal-klong-dan",
        "food-premises-over-200sqm-wang-hin",
        "fuel-station-amendment-klong-dan",
        "fuel-station-license-klong-dan",
      ]),
    );
    expect(graphOf(workflow.shape)).toEqual({
      ...completeness("AwaitInspection"),
      ...consideration("Inspection", "AwaitDecision"),
      ...consideration("Decision", "AwaitPayment"),
      Rejected: "end",
      AwaitPayment: "→ AwaitLicenseIssue",
      AwaitLicenseIssue: "→ AwaitPickup",
      AwaitPickup: "→ Collected",
      Collected: "end",
    });
    // The definition is the key's, whichever of its license types (or case types) it is built for.
    expect(licenseWorkflow({ ...food, caseType: "renew" })).toEqual(licenseWorkflow(workflow.shape));
  });

  it("license-inspection-committee-payment-pickup: a committee after the inspection (building permit)", () => {
    expect(graphOf(keyed("license-inspection-committee-payment-pickup").shape)).toEqual({
      ...completeness("AwaitInspection"),
      ...consideration("Inspection", "AwaitCommittee"),
      ...consideration("Committee", "AwaitDecision"),
      ...consideration("Decision", "AwaitPayment"),
      Rejected: "end",
      AwaitPayment: "→ AwaitLicenseIssue",
      AwaitLicenseIssue: "→ AwaitPickup",
      AwaitPickup: "→ Collected",
      Collected: "end",
    });
  });

  it("assessment: a tax assessed after a fee-0 approval and ended by its payment (signboard tax)", () => {
    expect(graphOf(keyed("assessment").shape)).toEqual({
      ...completeness("AwaitDecision"),
      ...consideration("Decision", "AwaitAssessment"),
      Rejected: "end",
      AwaitAssessment: "→ AwaitPayment",
      AwaitPayment: "→ Paid",
      Paid: "end",
    });
  });

  it("cancel: a cancellation, ended by its approval (closure of a food business)", () => {
    expect(graphOf(keyed("cancel").shape)).toEqual({
      ...completeness("AwaitDecision"),
      ...consideration("Decision", "Cancelled"),
      Rejected: "end",
      Cancelled: "end",
    });
  });

  it("license: neither inspection nor fee nor pickup, issued straight after the decision", () => {
    expect(graphOf({ ...food, inspection: false, payment: false, pickup: false })).toEqual({
      ...completeness("AwaitDecision"),
      ...consideration("Decision", "AwaitLicenseIssue"),
      Rejected: "end",
      AwaitLicenseIssue: "→ Issued",
      Issued: "end",
    });
  });

  it("names its key in the Comment, never a license type", () => {
    for (const workflow of workflows) {
      const { Comment } = licenseWorkflow(workflow.shape).definition;
      expect(Comment).toMatch(new RegExp(`^Workflow ${workflow.key},`));
      for (const id of workflow.licenseTypeIds) expect(Comment).not.toContain(id);
    }
  });
});

describe("what the states carry", () => {
  const { definition, taskStates } = licenseWorkflow(food);
  const state = (name: string) => definition.States[name] as TaskState;

  it("times each wait from the message that ended the step before (s.8 deadline, s.10 clock); others wait a year", () => {
    expect(state("AwaitApplicantFix").TimeoutSecondsPath).toBe("$.outcome.wait.timeoutSeconds");
    expect(state("AwaitDecision").TimeoutSecondsPath).toBe("$.outcome.wait.timeoutSeconds");
    expect(state("AwaitPayment").TimeoutSeconds).toBe(365 * 24 * 3600);
    // An escalation replaces only the timeout; the round it waits in stays.
    expect(state("EscalateDecision")).toMatchObject({
      ResultPath: "$.outcome.wait",
      Parameters: { Payload: { step: "decision", "afterRound.$": "$.outcome.round" } },
    });
  });

  it("gives each wait its round (after the last outcome) and the state's input, to wait there again after a restart", () => {
    expect(state("AwaitInspection").Parameters).toEqual({
      // The placeholder CDK substitutes with the function's ARN.
      FunctionName: `${"$"}{AwaitHumanStepFunctionArn}`,
      Payload: {
        "applicationId.$": "$.applicationId",
        step: "inspection",
        stateName: "AwaitInspection",
        "taskToken.$": "$$.Task.Token",
        "stateInput.$": "$",
        "afterRound.$": "$.outcome.round",
      },
    });
    expect(state("AwaitInspection").ResultPath).toBe("$.outcome");
  });

  it("unpacks a side way's message (the failure's cause) before the next wait", () => {
    expect(definition.States.AfterRequestFix).toMatchObject({
      Type: "Pass",
      Parameters: { "outcome.$": "States.StringToJson($.outcome.Cause)" },
    });
  });

  it("names the function of every Task state, without reading it back out of the ARN", () => {
    expect(taskStates).toEqual({
      AwaitCompletenessCheck: "awaitHumanStep",
      AwaitApplicantFix: "awaitHumanStep",
      ReturnApplication: "returnApplication",
      AwaitInspection: "awaitHumanStep",
      EscalateInspection: "escalateOverdue",
      AwaitDecision: "awaitHumanStep",
      EscalateDecision: "escalateOverdue",
      AwaitPayment: "awaitHumanStep",
      AwaitLicenseIssue: "awaitHumanStep",
      AwaitPickup: "awaitHumanStep",
    });
  });
});
