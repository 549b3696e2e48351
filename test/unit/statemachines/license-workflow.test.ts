import { describe, expect, it } from "vitest";
import { findLicenseType, type LicenseType } from "../../../shared/catalog";
import type { State, TaskState } from "../../../statemachines/asl";
import { licenseWorkflow } from "../../../statemachines/license-workflow";

/**
 * Each workflow family's state machine as a graph: every state with where it goes (`→` its Next,
 * `⇢` a Catch, `?` a Choice), so a family's shape is visible here, without running anything.
 */
function graphOf(lt: LicenseType): Record<string, string> {
  const { States } = licenseWorkflow(lt).definition;
  return Object.fromEntries(Object.entries(States).map(([name, state]) => [name, edges(state)]));
}

function edges(state: State): string {
  if (state.Type === "Succeed") return "end";
  if (state.Type === "Choice")
    return [...state.Choices.map((c) => `? ${c.Next}`), `? else ${state.Default}`].join(", ");
  const catches = ((state as TaskState).Catch ?? []).map((c) => `⇢ ${c.ErrorEquals.join("|")} ${c.Next}`);
  return [`→ ${state.Next}`, ...catches].join(", ");
}

const type = (id: string) => findLicenseType(id)!;
const food = type("food-premises-over-200sqm-klong-dan");

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

describe("the state machine of each workflow family, derived from its step graph", () => {
  it("a license with an inspection, a fee and a pickup (food premises, fuel station; renewals and amendments alike)", () => {
    expect(graphOf(food)).toEqual({
      ...completeness("AwaitInspection"),
      ...consideration("Inspection", "AwaitDecision"),
      ...consideration("Decision", "AwaitPayment"),
      Rejected: "end",
      AwaitPayment: "→ AwaitLicenseIssue",
      AwaitLicenseIssue: "→ AwaitPickup",
      AwaitPickup: "→ Collected",
      Collected: "end",
    });
    for (const id of [
      "food-premises-over-200sqm-wang-hin",
      "food-premises-over-200sqm-renewal-klong-dan",
      "fuel-station-license-klong-dan",
      "fuel-station-amendment-klong-dan",
    ])
      expect(graphOf(type(id))).toEqual(graphOf(food));
  });

  it("a license with a committee after the inspection (building permit)", () => {
    expect(graphOf(type("building-construction-permit-klong-dan"))).toEqual({
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

  it("a tax assessed after a fee-0 approval and ended by its payment (signboard tax)", () => {
    expect(graphOf(type("signboard-tax-klong-dan"))).toEqual({
      ...completeness("AwaitDecision"),
      ...consideration("Decision", "AwaitAssessment"),
      Rejected: "end",
      AwaitAssessment: "→ AwaitPayment",
      AwaitPayment: "→ Paid",
      Paid: "end",
    });
  });

  it("a cancellation, ended by its approval (closure of a food business)", () => {
    expect(graphOf(type("food-premises-over-200sqm-closure-wang-hin"))).toEqual({
      ...completeness("AwaitDecision"),
      ...consideration("Decision", "Cancelled"),
      Rejected: "end",
      Cancelled: "end",
    });
  });

  it("a license with neither inspection nor fee nor pickup: issued straight after the decision", () => {
    const plain = {
      ...food,
      workflow: { ...food.workflow, inspection: false, payment: false, pickup: false },
    };
    expect(graphOf(plain)).toEqual({
      ...completeness("AwaitDecision"),
      ...consideration("Decision", "AwaitLicenseIssue"),
      Rejected: "end",
      AwaitLicenseIssue: "→ Issued",
      Issued: "end",
    });
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
