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
 * is what AWS runs. Human steps wait with a task token; their output (the officer's action) drives
 * the Choice states. Payloads carry ids only: the application lives in DynamoDB.
 */

/** AWS's ceiling for a Standard execution is one year; a human wait never needs longer. */
const oneYearSeconds = 365 * 24 * 3600;

export function buildLicenseWorkflow(licenseType: LicenseType): StateMachineDefinition {
  const afterComplete = licenseType.workflow.inspection ? "AwaitInspection" : "AwaitDecision";
  const afterApproval = licenseType.workflow.payment ? "AwaitPayment" : "AwaitLicenseIssue";
  const afterIssue = licenseType.workflow.pickup ? "AwaitPickup" : "Issued";
  const states: Record<string, State> = {
    AwaitCompletenessCheck: humanStep(
      "AwaitCompletenessCheck",
      "completenessCheck",
      "RouteCompletenessCheck",
    ),
    RouteCompletenessCheck: route([["request-fix", "NotifyFixRequested"]], afterComplete),
    NotifyFixRequested: {
      ...invoke("notify", { kind: "fixRequested" }, "AwaitApplicantFix"),
      // The notice task also returns how long the applicant has, so the wait can time out (s.8).
      ResultSelector: { "timeoutSeconds.$": "$.Payload.timeoutSeconds" },
      ResultPath: "$.fixWait",
    },
    AwaitApplicantFix: {
      ...humanStep("AwaitApplicantFix", "applicantFix", "AwaitCompletenessCheck"),
      TimeoutSeconds: undefined,
      TimeoutSecondsPath: "$.fixWait.timeoutSeconds",
      Catch: [{ ErrorEquals: ["States.Timeout"], Next: "ReturnApplication", ResultPath: "$.timeout" }],
    },
    ReturnApplication: invoke("returnApplication", {}, "Returned"),
    Returned: { Type: "Succeed", Comment: "RETURNED: fix deadline passed (s.8)" },
    AwaitDecision: humanStep("AwaitDecision", "decision", "RouteDecision"),
    RouteDecision: route([["approve", "NotifyApproved"]], "NotifyRejected"),
    NotifyApproved: invoke("notify", { kind: "approved" }, afterApproval),
    NotifyRejected: invoke("notify", { kind: "rejected" }, "Rejected"),
    Rejected: { Type: "Succeed", Comment: "REJECTED: the clock stops" },
    AwaitLicenseIssue: humanStep("AwaitLicenseIssue", "licenseIssue", "NotifyLicenseIssued"),
    NotifyLicenseIssued: invoke("notify", { kind: "licenseIssued" }, afterIssue),
  };
  if (licenseType.workflow.inspection)
    states.AwaitInspection = humanStep("AwaitInspection", "inspection", "AwaitDecision");
  if (licenseType.workflow.payment)
    states.AwaitPayment = humanStep("AwaitPayment", "payment", "AwaitLicenseIssue");
  if (licenseType.workflow.pickup) {
    states.AwaitPickup = humanStep("AwaitPickup", "pickup", "Collected");
    states.Collected = { Type: "Succeed", Comment: "COLLECTED: the clock stops" };
  } else {
    states.Issued = { Type: "Succeed", Comment: "LICENSE_ISSUED" };
  }
  return {
    Comment: `${licenseType.nameEn} (${licenseType.id}, manual ${licenseType.manual.version})`,
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

/** Which task function each Task state invokes (for the local runner). */
export function taskFunctionOf(state: TaskState): TaskFunctionName {
  const arn = (state.Parameters as { FunctionName?: string }).FunctionName ?? "";
  const entry = Object.entries(taskFunctions).find(([, f]) => arn === `\${${f.substitution}}`);
  if (!entry) throw new Error(`Task state invokes an unknown function ${arn}`);
  return entry[0] as TaskFunctionName;
}
