import { randomUUID } from "node:crypto";
import { StateMachine } from "aws-local-stepfunctions";
import type { StepWait } from "../../../shared/domain/workflow/progress";
import {
  TaskNoLongerWaitingError,
  type WorkflowEngine,
  type WorkflowInput,
} from "../../../shared/ports/workflow-engine";
import {
  lambdaInvokeWaitForTaskToken,
  type StateMachineDefinition,
  type TaskState,
} from "../../../statemachines/asl";
import type { LicenseWorkflow } from "../../../statemachines/license-workflow";
import type { TaskFunctionName } from "../../../statemachines/task-functions";
import type { LocalClock } from "../local-clock";
import { localDefinition, stepTimeoutSeconds } from "./local-definition";
import type { LocalWorkflows } from "./local-workflows";

export type TaskInvoker = (fn: TaskFunctionName, payload: unknown) => Promise<unknown>;

interface Wait {
  applicationId: string;
  stateName: string;
  resolve: (output: unknown) => void;
  reject: (error: Error) => void;
  cancelTimer?: () => void;
}

export interface ExecutionRecord {
  name: string;
  licenseTypeId: string;
  /** The state machine it runs on: its license type's workflow key. */
  workflowKey: string;
  status: "RUNNING" | "SUCCEEDED" | "FAILED";
  startedAt: string;
  /** States entered so far (AWS bills and limits Standard executions by state transitions). */
  transitions: number;
  statesEntered: string[];
  endedAt?: string;
  error?: string;
}

function withRemainingTimeout(state: TaskState, wait: StepWait, now: Date): unknown {
  if (!state.TimeoutSecondsPath) return wait.stateInput;
  const timeout = stepTimeoutSeconds(state, wait.stateInput);
  if (!timeout) return wait.stateInput;
  const remaining = Math.max(
    1,
    Math.ceil((Date.parse(wait.createdAt) + timeout * 1000 - now.getTime()) / 1000),
  );
  const keys = state.TimeoutSecondsPath.replace(/^\$\./, "").split(".");
  const input = structuredClone(wait.stateInput) as Record<string, unknown>;
  let target = input;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys.at(-1)!] = remaining;
  return input;
}

/** What a step's timeout leads to, by the deployed definition's naming. */
function timeoutKind(stateName: string): string {
  return stateName === "AwaitApplicantFix" ? "return" : "escalation";
}

/** A task failure as aws-local-stepfunctions sees it: Catch matches `name`, its output has the message as Cause. */
class NamedTaskError extends Error {
  constructor(name: string, cause: string) {
    super(cause);
    this.name = name;
  }
}

/**
 * Step Functions on one machine: the deployed ASL run by aws-local-stepfunctions, with every Task
 * overridden to call the same handler Lambda would. waitForTaskToken is emulated by a held promise
 * per token, released by sendTaskSuccess (the API) or rejected by the step's timeout on the clock.
 */
export class LocalWorkflowEngine implements WorkflowEngine {
  private readonly waits = new Map<string, Wait>();
  private readonly executions = new Map<string, ExecutionRecord>();

  constructor(
    private readonly workflows: LocalWorkflows,
    private readonly invoke: TaskInvoker,
    private readonly clock: LocalClock,
    private readonly log: (message: string, error?: unknown) => void = () => {},
    /** Told when an execution reaches its end (the local stack closes its wait record). */
    private readonly onSucceeded: (name: string) => Promise<void> = async () => {},
  ) {}

  async startExecution(input: { name: string; licenseTypeId: string; input: WorkflowInput }) {
    const { key } = this.workflowOf(input.licenseTypeId);
    if (!this.executions.has(input.name)) this.run(input.name, input.licenseTypeId, input.input);
    return { executionId: `local:${key}:${input.name}` };
  }

  /** The workflow a license type's applications run on: the one of its key, as in AWS. */
  private workflowOf(licenseTypeId: string): { key: string; workflow: LicenseWorkflow } {
    const key = this.workflows.keyOf(licenseTypeId);
    const workflow = key === undefined ? undefined : this.workflows.byKey[key];
    if (key === undefined || !workflow) throw new Error(`No workflow for license type ${licenseTypeId}`);
    return { key, workflow };
  }

  async sendTaskSuccess(token: string, output: Record<string, unknown>): Promise<void> {
    this.release(token).resolve(output);
  }

  async sendTaskFailure(token: string, error: string, cause: string): Promise<void> {
    this.release(token).reject(new NamedTaskError(error, cause));
  }

  private release(token: string): Wait {
    const wait = this.waits.get(token);
    if (!wait) throw new TaskNoLongerWaitingError();
    this.waits.delete(token);
    wait.cancelTimer?.();
    this.busy++;
    return wait;
  }

  /** Whether a wait of this engine still holds the token (not yet answered, timed out or lost). */
  isWaiting(token: string): boolean {
    return this.waits.has(token);
  }

  /** Whether this engine runs (or ran) the execution since it started. */
  knows(name: string): boolean {
    return this.executions.has(name);
  }

  /**
   * After a restart: wait again where the stored wait says the execution was. If the step's outcome
   * was committed meanwhile (even delivered, before a crash), the wait takes it at once.
   */
  resume(wait: StepWait): void {
    if (!wait.stateName) throw new Error(`The wait of ${wait.applicationId} has no state to resume at`);
    const { workflow } = this.workflowOf(wait.licenseTypeId);
    const state = workflow.definition.States[wait.stateName];
    // A timed wait goes on with the time it had left when the stack stopped, not a fresh timeout.
    const resumed =
      state?.Type === "Task" ? withRemainingTimeout(state, wait, this.clock.now()) : wait.stateInput;
    this.run(wait.applicationId, wait.licenseTypeId, resumed as WorkflowInput, wait.stateName);
  }

  execution(name: string): ExecutionRecord | undefined {
    return this.executions.get(name);
  }

  /**
   * Resolves once every execution waits at a human step or has ended. `busy` counts executions
   * between states: +1 at start and when a wait is released, -1 when a wait begins and at the end.
   */
  async settled(maxMs = 30_000): Promise<void> {
    const until = Date.now() + maxMs;
    while (this.busy > 0 || this.clock.dueTimers() > 0) {
      if (Date.now() > until) throw new Error("Workflows did not settle in time");
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  private busy = 0;

  async stop(): Promise<void> {
    this.stopping = true;
    for (const wait of this.waits.values()) wait.cancelTimer?.();
    this.waits.clear();
    // Executions still between states would reach for DynamoDB after it stops: abort them first.
    const ended = [...this.aborts.values()].map((abort) => abort());
    this.aborts.clear();
    await Promise.all(ended);
  }

  /** A new engine's state again (a test stack's reset): no execution, no wait, no timer. */
  async reset(): Promise<void> {
    await this.stop();
    this.executions.clear();
    // An execution aborted while it waited had already left the count, so its end took it below zero.
    this.busy = 0;
    this.stopping = false;
  }

  private stopping = false;
  /** Aborts an execution; resolves once it has ended. */
  private readonly aborts = new Map<string, () => Promise<void>>();

  /**
   * One StateMachine per workflow key and start state, built on first use: the constructor validates
   * the whole definition (asl-validator, ajv), which cost about a fifth of the server's CPU under load
   * when done per execution. An instance keeps no state between runs (each `run()` makes its own
   * abort controller, event log and context, and reads the definition only), so executions share it.
   */
  private readonly machines = new Map<string, StateMachine>();

  private machine(workflowKey: string, definition: StateMachineDefinition, startAt?: string): StateMachine {
    const key = `${workflowKey}\u0000${startAt ?? ""}`;
    let machine = this.machines.get(key);
    if (!machine) {
      machine = new StateMachine(localDefinition(definition, startAt) as never, {
        validationOptions: { checkArn: false, checkPaths: false },
      });
      this.machines.set(key, machine);
    }
    return machine;
  }

  private run(name: string, licenseTypeId: string, input: WorkflowInput, startAt?: string): void {
    const { key, workflow } = this.workflowOf(licenseTypeId);
    const { definition, taskStates } = workflow;
    const machine = this.machine(key, definition, startAt);
    const overrides: Record<string, (input: unknown) => Promise<unknown>> = {};
    for (const [stateName, state] of Object.entries(definition.States))
      if (state.Type === "Task")
        overrides[stateName] = this.override(stateName, state, taskStates[stateName]!);
    const record: ExecutionRecord = {
      name,
      licenseTypeId,
      workflowKey: key,
      status: "RUNNING",
      startedAt: this.clock.now().toISOString(),
      transitions: 0,
      statesEntered: [],
    };
    this.executions.set(name, record);
    const execution = machine.run(input as never, {
      overrides: { taskResourceLocalHandlers: overrides as never },
      context: {
        Execution: {
          Id: `local:${key}:${name}`,
          Name: name,
          Input: input,
          StartTime: record.startedAt,
        },
        StateMachine: { Id: `local:${key}`, Name: key },
        Task: { Token: "replaced-by-the-local-engine" },
      } as never,
    });
    this.busy++;
    void this.countTransitions(execution.eventLogs, record);
    const ended = execution.result
      .then(async () => {
        record.status = "SUCCEEDED";
        await this.onSucceeded(name);
      })
      .catch((error: unknown) => {
        if (this.stopping) return;
        record.status = "FAILED";
        record.error = String(error);
        this.log(`Execution ${name} failed`, error);
      })
      .finally(() => {
        record.endedAt = this.clock.now().toISOString();
        this.aborts.delete(name);
        this.busy--;
      });
    this.aborts.set(name, () => {
      execution.abort();
      return ended;
    });
  }

  private async countTransitions(
    events: AsyncIterable<{ type: string; state?: { name: string } }>,
    record: ExecutionRecord,
  ): Promise<void> {
    try {
      for await (const event of events)
        if (event.type === "StateEntered") {
          record.transitions++;
          if (event.state) record.statesEntered.push(event.state.name);
        }
    } catch {
      // The log ends with the execution; a failed execution is reported by its result.
    }
  }

  private override(
    stateName: string,
    state: TaskState,
    fn: TaskFunctionName,
  ): (input: unknown) => Promise<unknown> {
    if (state.Resource !== lambdaInvokeWaitForTaskToken)
      // lambda:invoke returns the function's result under Payload, as the deployed integration does.
      return async (input) => ({
        Payload: await this.invoke(fn, (input as { Payload: unknown }).Payload),
        StatusCode: 200,
      });
    return async (input) => {
      const payload = (input as { Payload: { applicationId: string; stateInput: unknown } }).Payload;
      const token = randomUUID();
      const released = new Promise<unknown>((resolve, reject) => {
        this.waits.set(token, { applicationId: payload.applicationId, stateName, resolve, reject });
      });
      await this.invoke(fn, { ...payload, taskToken: token });
      const timeout = stepTimeoutSeconds(state, payload.stateInput);
      const wait = this.waits.get(token);
      if (wait && timeout)
        wait.cancelTimer = this.clock.schedule(
          new Date(this.clock.now().getTime() + timeout * 1000),
          () => {
            if (!this.waits.delete(token)) return;
            this.busy++;
            // What aws-local-stepfunctions throws for a Task timeout: Catch ["States.Timeout"] matches it.
            wait.reject(new NamedTaskError("States.Timeout", "The human step timed out"));
          },
          { applicationId: payload.applicationId, step: stateName, kind: timeoutKind(stateName) },
        );
      // Waiting at a human step: no longer busy until the token is sent back or the wait times out.
      this.busy--;
      return released;
    };
  }
}
