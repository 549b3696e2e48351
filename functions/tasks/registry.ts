import { substitutionOf, type TaskFunctionName } from "../../statemachines/task-functions";

export type { TaskFunctionName } from "../../statemachines/task-functions";

const entries: Record<TaskFunctionName, string> = {
  awaitHumanStep: "functions/tasks/await-human-step.ts",
  escalateOverdue: "functions/tasks/escalate-overdue.ts",
  returnApplication: "functions/tasks/return-application.ts",
};

/**
 * The module of each task function the state machines invoke: CDK creates one function per entry
 * and substitutes its ARN for `${<substitution>}` in the definition; the local runner calls the same handler.
 */
export const taskFunctions = Object.fromEntries(
  Object.entries(entries).map(([name, entry]) => [
    name,
    { entry, substitution: substitutionOf(name as TaskFunctionName) },
  ]),
) as Record<TaskFunctionName, { entry: string; substitution: string }>;
