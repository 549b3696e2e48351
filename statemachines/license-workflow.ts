import { type TaskFunctionName, taskFunctions } from "../functions/tasks/registry";
import type { LicenseType } from "../shared/catalog/schema";
import type { HumanStep } from "../shared/domain/application/status";
import {
  type ChoiceState,
  lambdaInvoke,
  lambdaInvokeWaitForTaskToken,
  type State,
  type StateMachineDefinition,
  type TaskState,
} from "./asl";

/**
 * Builds the workflow of one license type as ASL. The same JSON is deployed by CDK (ARNs substituted
 * through definitionSubstitutions) and run locally by aws-local-stepfunctions, so what the tests run
 * is what AWS runs. Human steps wait with a task token; their output (the action) drives the Choice
 * states. Payloads carry ids only: the application lives in DynamoDB.
 *
 * The law's clock lives here as timeouts: a fix request waits until its deadline (s.8: on timeout the
 * application is returned); every consideration step waits until the decision is due or the next
 * overdue notice (s.10: on timeout an escalation is sent and the same step waits 7 days more).
 */

/** AWS's ceiling for a Standard execution is one year; a human wait never needs longer. */
const oneYearSeconds = 365 * 24 * 3600;

export function buildLicenseWorkflow(licenseType: LicenseType): StateMachineDefinition {
  const { inspection, committee, payment, pickup, assessment } = licenseType.workflow;
  const cancellation = licenseType.caseType === "cancel";
  // The consideration steps, in order: each is timed by the decision clock.
  const consideration: [state: string, step: HumanStep][] = [];
  if (inspection) consideration.push(["AwaitInspection", "inspection"]);
  if (committee) consideration.push(["AwaitCommittee", "committee"]);
  consideration.push(["AwaitDecision", "decision"]);
  // After approval: a cancellation ends; an assessed tax gets its assessment, then payment, and ends.
  const afterApproval = cancellation
    ? "Cancelled"
    : assessment
      ? "AwaitAssessment"
      : payment
        ? "AwaitPayment"
        : "AwaitLicenseIssue";
  const afterIssue = pickup ? "AwaitPickup" : "Issued";

  const states: Record<string, State> = {
    AwaitCompletenessCheck: humanStep(
      "AwaitCompletenessCheck",
      "completenessCheck",
      "RouteCompletenessCheck",
    ),
    RouteCompletenessCheck: route(
      [
        ["request-fix", "NotifyFixRequested"],
        ["withdraw", "Withdrawn"],
      ],
      "StartDecisionClock",
    ),
    NotifyFixRequested: {
      ...invoke("notify", { kind: "fixRequested" }, "AwaitApplicantFix"),
      // The notice task also returns how long the applicant has, so the wait can time out (s.8).
      ResultSelector: { "timeoutSeconds.$": "$.Payload.timeoutSeconds" },
      ResultPath: "$.fixWait",
    },
    AwaitApplicantFix: timedHumanStep(
      "AwaitApplicantFix",
      "applicantFix",
      "RouteApplicantFix",
      "$.fixWait",
      "ReturnApplication",
    ),
    RouteApplicantFix: route([["withdraw", "Withdrawn"]], "AwaitCompletenessCheck"),
    ReturnApplication: {
      ...invoke("returnApplication", {}, "RouteReturn"),
      ResultSelector: { "returned.$": "$.Payload.returned" },
      ResultPath: "$.return",
    },
    // A fix that arrived as the deadline passed is not returned: it goes back to the check.
    RouteReturn: {
      Type: "Choice",
      Choices: [{ Variable: "$.return.returned", BooleanEquals: true, Next: "Returned" }],
      Default: "AwaitCompletenessCheck",
    },
    Returned: { Type: "Succeed", Comment: "RETURNED: fix deadline passed (s.8)" },
    // The legal clock starts at "documents complete" (s.8 / 001 FAQ 2).
    StartDecisionClock: decisionClock(consideration[0]![0]),
    RouteDecision: route(
      [
        ["approve", "NotifyApproved"],
        ["withdraw", "Withdrawn"],
      ],
      "NotifyRejected",
    ),
    NotifyApproved: invoke("notify", { kind: "approved" }, afterApproval),
    NotifyRejected: invoke("notify", { kind: "rejected" }, "Rejected"),
    Rejected: { Type: "Succeed", Comment: "REJECTED: the clock stops" },
    AwaitLicenseIssue: humanStep("AwaitLicenseIssue", "licenseIssue", "NotifyLicenseIssued"),
    NotifyLicenseIssued: invoke("notify", { kind: "licenseIssued" }, afterIssue),
    Withdrawn: { Type: "Succeed", Comment: "WITHDRAWN by the applicant before the decision" },
  };
  for (const [i, [state, step]] of consideration.entries()) {
    const isDecision = step === "decision";
    const after = isDecision ? "RouteDecision" : `Route${state.replace(/^Await/, "")}`;
    states[state] = timedHumanStep(
      state,
      step,
      after,
      "$.decisionWait",
      `Escalate${state.replace(/^Await/, "")}`,
    );
    states[`Escalate${state.replace(/^Await/, "")}`] = {
      ...invoke("escalateOverdue", { step }, state),
      ResultSelector: { "timeoutSeconds.$": "$.Payload.timeoutSeconds" },
      ResultPath: "$.decisionWait",
    };
    if (!isDecision) {
      const next = consideration[i + 1]![0];
      // A refusal may come before the inspection or committee is done (zoning forbids the business).
      states[after] = route(
        [
          ["reject", "NotifyRejected"],
          ["withdraw", "Withdrawn"],
        ],
        `ClockBefore${next.replace(/^Await/, "")}`,
      );
      states[`ClockBefore${next.replace(/^Await/, "")}`] = decisionClock(next);
    }
  }
  if (cancellation) {
    states.Cancelled = { Type: "Succeed", Comment: "The license is cancelled (case type cancel)" };
    for (const unused of ["AwaitLicenseIssue", "NotifyLicenseIssued"]) delete states[unused];
    return definition(licenseType, states);
  }
  if (assessment) {
    states.AwaitAssessment = humanStep("AwaitAssessment", "assessment", "NotifyAssessment");
    states.NotifyAssessment = invoke("notify", { kind: "assessmentIssued" }, "AwaitPayment");
    states.AwaitPayment = humanStep("AwaitPayment", "payment", "Paid");
    states.Paid = {
      Type: "Succeed",
      Comment: "PAYMENT_CONFIRMED: the assessed amount is paid (receipt issued)",
    };
    for (const unused of ["AwaitLicenseIssue", "NotifyLicenseIssued"]) delete states[unused];
    return definition(licenseType, states);
  }
  if (payment) states.AwaitPayment = humanStep("AwaitPayment", "payment", "AwaitLicenseIssue");
  if (pickup) {
    states.AwaitPickup = humanStep("AwaitPickup", "pickup", "Collected");
    states.Collected = { Type: "Succeed", Comment: "COLLECTED: the clock stops" };
  } else {
    states.Issued = { Type: "Succeed", Comment: "LICENSE_ISSUED" };
  }
  return definition(licenseType, states);
}

function definition(licenseType: LicenseType, states: Record<string, State>): StateMachineDefinition {
  return {
    Comment: `${licenseType.nameEn} (${licenseType.id}, ${licenseType.caseType}, manual ${licenseType.manual.version})`,
    StartAt: "AwaitCompletenessCheck",
    States: states,
  };
}

function humanStep(stateName: string, step: HumanStep, next: string): TaskState {
  return {
    Type: "Task",
    Comment: `Human step "${step}": waits for the API action that sends the task token back`,
    Resource: lambdaInvokeWaitForTaskToken,
    Parameters: {
      FunctionName: functionArn("awaitHumanStep"),
      Payload: {
        "applicationId.$": "$.applicationId",
        step,
        stateName,
        "taskToken.$": "$$.Task.Token",
        "stateInput.$": "$",
      },
    },
    ResultPath: "$.lastAction",
    TimeoutSeconds: oneYearSeconds,
    Retry: lambdaRetry,
    Next: next,
  };
}

/** A human step with a legal time limit: `waitPath.timeoutSeconds`, and where to go when it passes. */
function timedHumanStep(
  stateName: string,
  step: HumanStep,
  next: string,
  waitPath: string,
  onTimeout: string,
): TaskState {
  const { TimeoutSeconds: _untimed, ...state } = humanStep(stateName, step, next);
  return {
    ...state,
    TimeoutSecondsPath: `${waitPath}.timeoutSeconds`,
    Catch: [{ ErrorEquals: ["States.Timeout"], Next: onTimeout, ResultPath: "$.timeout" }],
  };
}

/** How long the next consideration step may wait: until the decision is due or the next notice. */
function decisionClock(next: string): TaskState {
  return {
    ...invoke("decisionWait", {}, next),
    ResultSelector: { "timeoutSeconds.$": "$.Payload.timeoutSeconds" },
    ResultPath: "$.decisionWait",
  };
}

function invoke(fn: TaskFunctionName, payload: Record<string, unknown>, next: string): TaskState {
  return {
    Type: "Task",
    Resource: lambdaInvoke,
    Parameters: {
      FunctionName: functionArn(fn),
      Payload: { "applicationId.$": "$.applicationId", ...payload },
    },
    ResultPath: null,
    TimeoutSeconds: 60,
    Retry: lambdaRetry,
    Next: next,
  };
}

function route(choices: [action: string, next: string][], fallback: string): ChoiceState {
  return {
    Type: "Choice",
    Choices: choices.map(([action, next]) => ({
      Variable: "$.lastAction.action",
      StringEquals: action,
      Next: next,
    })),
    Default: fallback,
  };
}

function functionArn(fn: TaskFunctionName): string {
  return `\${${taskFunctions[fn].substitution}}`;
}

const lambdaRetry: TaskState["Retry"] = [
  {
    ErrorEquals: [
      "Lambda.ServiceException",
      "Lambda.AWSLambdaException",
      "Lambda.SdkClientException",
      "Lambda.TooManyRequestsException",
    ],
    IntervalSeconds: 1,
    MaxAttempts: 3,
    BackoffRate: 2,
  },
];

/** Which task function each Task state invokes (for the local runner and CDK grants). */
export function taskFunctionOf(state: TaskState): TaskFunctionName {
  const arn = (state.Parameters as { FunctionName?: string }).FunctionName ?? "";
  const entry = Object.entries(taskFunctions).find(([, f]) => arn === `\${${f.substitution}}`);
  if (!entry) throw new Error(`Task state invokes an unknown function ${arn}`);
  return entry[0] as TaskFunctionName;
}
