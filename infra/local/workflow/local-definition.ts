import {
  lambdaInvokeWaitForTaskToken,
  type StateMachineDefinition,
  type TaskState,
} from "../../../statemachines/asl";

/**
 * The local runner's copy of a deployed definition. aws-local-stepfunctions times a Task with one
 * setTimeout, which fires at once beyond 24.8 days (the law's 30-day limits hit it). So the local
 * engine owns the timeouts of human steps on the movable clock, and the copy gives the library a
 * harmless bound instead. `startAt` resumes a waiting execution after a restart.
 */
const libraryBoundSeconds = 2_000_000;

export function localDefinition(
  definition: StateMachineDefinition,
  startAt?: string,
): StateMachineDefinition {
  const copy = structuredClone(definition);
  if (startAt) {
    if (!copy.States[startAt]) throw new Error(`No state ${startAt} to resume at`);
    copy.StartAt = startAt;
  }
  for (const state of Object.values(copy.States)) {
    if (state.Type !== "Task" || state.Resource !== lambdaInvokeWaitForTaskToken) continue;
    delete state.TimeoutSecondsPath;
    state.TimeoutSeconds = libraryBoundSeconds;
  }
  return copy;
}

/** The timeout the deployed definition gives a human step, evaluated on the state's input. */
export function stepTimeoutSeconds(state: TaskState, stateInput: unknown): number | undefined {
  if (state.TimeoutSeconds) return state.TimeoutSeconds;
  if (!state.TimeoutSecondsPath) return undefined;
  const value = readPath(stateInput, state.TimeoutSecondsPath);
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1)
    throw new Error(`TimeoutSecondsPath ${state.TimeoutSecondsPath} is not a positive integer`);
  return value;
}

/** Reads a simple reference path ("$.a.b"), the only form our definitions use. */
function readPath(input: unknown, path: string): unknown {
  return path
    .replace(/^\$\.?/, "")
    .split(".")
    .filter(Boolean)
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], input);
}
