import type { HumanStep } from "../shared/domain/application/status";
import { outcomeErrorName } from "../shared/domain/workflow/progress";
import {
  type GraphStep,
  type StepEdge,
  stepGraphOf,
  type WorkflowEnd,
  type WorkflowShape,
} from "../shared/domain/workflow/step-graph";
import { canonicalShape, workflowKeyOf } from "../shared/domain/workflow/workflow-key";
import {
  lambdaInvoke,
  lambdaInvokeWaitForTaskToken,
  type State,
  type StateMachineDefinition,
  type TaskState,
} from "./asl";
import { substitutionOf, type TaskFunctionName } from "./task-functions";

/**
 * Builds the workflow of one shape as ASL, from its step graph (shared/domain/workflow): one waiting
 * state per human step, nothing else on the way. The same JSON is deployed by CDK (ARNs substituted
 * through definitionSubstitutions) and run locally by aws-local-stepfunctions, once per workflow key:
 * every license type of that shape runs on it (ADR 0013). No state reads the license type: the tasks
 * load the application by its id, and the input carries `licenseTypeId` only for the application's
 * own use (the Pass states keep it).
 *
 * A step's usual way forward is the task's success; a side way out (a fix request, a refusal, a
 * withdrawal) is the named failure `Outcome.<action>`, which the state's Catch routes; a side way into
 * another step passes one Pass state that unpacks the outcome. So the states entered are the steps
 * the application goes through, and Step Functions bills no routing states (issue 14, item 6).
 *
 * The law's clock lives here as timeouts, counted by the domain when the previous step's outcome is
 * sent (`$.outcome.wait.timeoutSeconds`): a fix waits until its deadline (s.8: then the application is
 * returned); a consideration step waits until the decision is due or the next overdue notice (s.10:
 * then a notice goes out and the same step waits 7 days more). Payloads carry ids only.
 */

export interface LicenseWorkflow {
  definition: StateMachineDefinition;
  /** The function each Task state invokes (for the local runner and CDK's grants). */
  taskStates: Record<string, TaskFunctionName>;
}

/** AWS's ceiling for a Standard execution is one year; a human wait never needs longer. */
const oneYearSeconds = 365 * 24 * 3600;

const endStates: Record<WorkflowEnd, { name: string; comment: string }> = {
  withdrawn: { name: "Withdrawn", comment: "WITHDRAWN by the applicant before the decision" },
  returned: { name: "Returned", comment: "RETURNED: fix deadline passed (s.8)" },
  rejected: { name: "Rejected", comment: "REJECTED: the clock stops" },
  cancelled: { name: "Cancelled", comment: "The license is cancelled (case type cancel)" },
  paid: { name: "Paid", comment: "PAYMENT_CONFIRMED: the assessed amount is paid (receipt issued)" },
  issued: { name: "Issued", comment: "LICENSE_ISSUED" },
  collected: { name: "Collected", comment: "COLLECTED: the clock stops" },
};

export function licenseWorkflow(shape: WorkflowShape): LicenseWorkflow {
  // Built from the canonical shape, so the definition depends on the key alone.
  const graph = stepGraphOf(canonicalShape(shape));
  const key = workflowKeyOf(shape);
  const states: Record<string, State> = {};
  const taskStates: Record<string, TaskFunctionName> = {};
  const task = (name: string, fn: TaskFunctionName, state: TaskState) => {
    states[name] = state;
    taskStates[name] = fn;
  };
  const target = (to: StepEdge["to"]): string => {
    if (typeof to === "string") return awaitState(to);
    const end = endStates[to.end];
    states[end.name] = { Type: "Succeed", Comment: end.comment };
    return end.name;
  };

  for (const step of graph.steps.values()) {
    const name = awaitState(step.step);
    const [forward, ...sideways] = step.edges;
    const catches: NonNullable<TaskState["Catch"]> = [];
    if (step.timer !== "none") catches.push(timeoutCatch(step, task));
    for (const edge of sideways) {
      const next =
        typeof edge.to === "string" ? unpackOutcome(states, edge.action, target(edge.to)) : target(edge.to);
      catches.push({ ErrorEquals: [outcomeErrorName(edge.action)], Next: next, ResultPath: "$.outcome" });
    }
    if (step.timer === "fixDeadline") routeReturn(states, name, target({ end: "returned" }));
    task(name, "awaitHumanStep", {
      ...humanStep(step, name, target(forward!.to)),
      ...(catches.length > 0 ? { Catch: catches } : {}),
    });
  }
  return {
    definition: {
      Comment: `Workflow ${key}, shared by every license type of this shape (the execution input names the type): ${[...graph.steps.keys()].join(", ")}`,
      StartAt: awaitState(graph.first),
      States: states,
    },
    taskStates,
  };
}

/** The definition alone (what CDK deploys). */
export function buildLicenseWorkflow(shape: WorkflowShape): StateMachineDefinition {
  return licenseWorkflow(shape).definition;
}

export function awaitState(step: HumanStep): string {
  return `Await${step[0]!.toUpperCase()}${step.slice(1)}`;
}

function humanStep(step: GraphStep, stateName: string, next: string): TaskState {
  const timing =
    step.timer === "none"
      ? { TimeoutSeconds: oneYearSeconds }
      : { TimeoutSecondsPath: "$.outcome.wait.timeoutSeconds" };
  return {
    Type: "Task",
    Comment: `Human step "${step.step}": waits until its outcome is sent on the task token`,
    Resource: lambdaInvokeWaitForTaskToken,
    Parameters: {
      FunctionName: functionArn("awaitHumanStep"),
      Payload: {
        "applicationId.$": "$.applicationId",
        step: step.step,
        stateName,
        "taskToken.$": "$$.Task.Token",
        "stateInput.$": "$",
        "afterRound.$": "$.outcome.round",
      },
    },
    ResultPath: "$.outcome",
    ...timing,
    Retry: lambdaRetry,
    Next: next,
  };
}

/**
 * When a timed step's wait passes: s.10 sends an overdue notice and waits again (the task returns the
 * next timeout); s.8 returns the application, unless the fix arrived meanwhile.
 */
function timeoutCatch(
  step: GraphStep,
  task: (name: string, fn: TaskFunctionName, state: TaskState) => void,
): NonNullable<TaskState["Catch"]>[number] {
  const waitState = awaitState(step.step);
  if (step.timer === "fixDeadline") {
    task("ReturnApplication", "returnApplication", {
      ...invoke("returnApplication", {}, `RouteReturn`),
      ResultSelector: { "returned.$": "$.Payload.returned", "timeoutSeconds.$": "$.Payload.timeoutSeconds" },
      ResultPath: "$.outcome.wait",
    });
    return { ErrorEquals: ["States.Timeout"], Next: "ReturnApplication", ResultPath: "$.timeout" };
  }
  const escalate = `Escalate${waitState.replace(/^Await/, "")}`;
  task(escalate, "escalateOverdue", {
    ...invoke("escalateOverdue", { step: step.step, "afterRound.$": "$.outcome.round" }, waitState),
    ResultSelector: { "timeoutSeconds.$": "$.Payload.timeoutSeconds" },
    ResultPath: "$.outcome.wait",
  });
  return { ErrorEquals: ["States.Timeout"], Next: escalate, ResultPath: "$.timeout" };
}

/** A fix that arrived as the deadline passed is not returned: the fix step takes it at once. */
function routeReturn(states: Record<string, State>, fixState: string, returned: string): void {
  states.RouteReturn = {
    Type: "Choice",
    Choices: [{ Variable: "$.outcome.wait.returned", BooleanEquals: true, Next: returned }],
    Default: fixState,
  };
}

/** A side way into another step: the outcome came as the failure's cause; unpack it for the next wait. */
function unpackOutcome(states: Record<string, State>, action: string, next: string): string {
  const name = `After${action.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase())}`;
  states[name] = {
    Type: "Pass",
    Comment: `The outcome "${action}" left the previous step as a named failure: its cause is the message`,
    Parameters: {
      "applicationId.$": "$.applicationId",
      "licenseTypeId.$": "$.licenseTypeId",
      "outcome.$": "States.StringToJson($.outcome.Cause)",
    },
    Next: next,
  };
  return name;
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

function functionArn(fn: TaskFunctionName): string {
  return `\${${substitutionOf(fn)}}`;
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
