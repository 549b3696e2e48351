/** The subset of Amazon States Language the workflow builder emits. */
export interface TaskState {
  Type: "Task";
  Comment?: string;
  Resource: string;
  Parameters: Record<string, unknown>;
  ResultSelector?: Record<string, unknown>;
  ResultPath?: string | null;
  TimeoutSeconds?: number;
  TimeoutSecondsPath?: string;
  Retry?: { ErrorEquals: string[]; IntervalSeconds?: number; MaxAttempts?: number; BackoffRate?: number }[];
  Catch?: { ErrorEquals: string[]; Next: string; ResultPath?: string }[];
  Next?: string;
  End?: true;
}
export interface ChoiceState {
  Type: "Choice";
  Choices: ({ Variable: string; Next: string } & ({ StringEquals: string } | { BooleanEquals: boolean }))[];
  Default: string;
}
export interface SucceedState {
  Type: "Succeed";
  Comment?: string;
}
export interface PassState {
  Type: "Pass";
  Comment?: string;
  Parameters?: Record<string, unknown>;
  ResultPath?: string | null;
  Next: string;
}
export type State = TaskState | ChoiceState | SucceedState | PassState;
export interface StateMachineDefinition {
  Comment: string;
  StartAt: string;
  TimeoutSeconds?: number;
  States: Record<string, State>;
}

export const lambdaInvoke = "arn:aws:states:::lambda:invoke";
export const lambdaInvokeWaitForTaskToken = "arn:aws:states:::lambda:invoke.waitForTaskToken";
