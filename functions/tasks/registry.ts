/**
 * The Lambda functions the state machines invoke. CDK creates one function per entry and substitutes
 * its ARN for `${<substitution>}` in the definition; the local runner maps each to the same handler.
 */
export const taskFunctions = {
  awaitHumanStep: { entry: "functions/tasks/await-human-step.ts", substitution: "AwaitHumanStepFunctionArn" },
  notify: { entry: "functions/tasks/notify.ts", substitution: "NotifyFunctionArn" },
  returnApplication: {
    entry: "functions/tasks/return-application.ts",
    substitution: "ReturnApplicationFunctionArn",
  },
  decisionWait: { entry: "functions/tasks/decision-wait.ts", substitution: "DecisionWaitFunctionArn" },
  escalateOverdue: {
    entry: "functions/tasks/escalate-overdue.ts",
    substitution: "EscalateOverdueFunctionArn",
  },
} as const;

export type TaskFunctionName = keyof typeof taskFunctions;
