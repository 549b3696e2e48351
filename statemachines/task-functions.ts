/**
 * The Lambda functions the state machines invoke, by name, and the placeholder each definition uses
 * for its ARN (`${<substitution>}`): CDK substitutes the deployed function's ARN, the local runner
 * calls the same handler. Which module implements each name is functions/tasks/registry.ts (above).
 */
export const taskFunctionNames = ["awaitHumanStep", "escalateOverdue", "returnApplication"] as const;
export type TaskFunctionName = (typeof taskFunctionNames)[number];

export function substitutionOf(fn: TaskFunctionName): string {
  return `${fn[0]!.toUpperCase()}${fn.slice(1)}FunctionArn`;
}
