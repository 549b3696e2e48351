/** The state machine runtime: Step Functions in AWS, aws-local-stepfunctions on one machine. */
export interface WorkflowEngine {
  /** Starting twice with the same name is a no-op returning the first execution (idempotent submit). */
  startExecution(input: {
    name: string;
    licenseTypeId: string;
    input: WorkflowInput;
  }): Promise<{ executionId: string }>;
  sendTaskSuccess(token: string, output: Record<string, unknown>): Promise<void>;
  /** Ends the waiting task with a named error, which the state's Catch routes on. */
  sendTaskFailure(token: string, error: string, cause: string): Promise<void>;
}

export interface WorkflowInput {
  applicationId: string;
  licenseTypeId: string;
  /** The last step's outcome: round 0 is the filing, so the first wait is round 1. */
  outcome: { round: number; action: string };
}

/** The token is no longer valid (the wait timed out or already ended). */
export class TaskNoLongerWaitingError extends Error {
  constructor(message = "The task is no longer waiting") {
    super(message);
    this.name = "TaskNoLongerWaitingError";
  }
}
