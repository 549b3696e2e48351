import * as z from "zod/mini";
import { applicationStore } from "../../shared/adapters/providers/application-store";
import { clock } from "../../shared/adapters/providers/clock";
import { workflowEngine } from "../../shared/adapters/providers/workflow-engine";
import { humanSteps } from "../../shared/domain/application/status";
import { recordPendingTask } from "../../shared/domain/services/workflow-tasks";
import { taskHandler } from "../../shared/http/task-handler";

const input = z.object({
  applicationId: z.string().check(z.minLength(1)),
  step: z.enum(humanSteps),
  stateName: z.string().check(z.minLength(1)),
  taskToken: z.string().check(z.minLength(1)),
  stateInput: z.unknown(),
});

/** Invoked with waitForTaskToken: returns at once; the workflow resumes when the API sends the token. */
export const handler = taskHandler(input, (event) =>
  recordPendingTask({ store: applicationStore(), clock: clock(), workflow: workflowEngine() }, event),
);
