import * as z from "zod/mini";
import { applicationStore, workflowProgress } from "../../shared/adapters/providers/application-store";
import { clock } from "../../shared/adapters/providers/clock";
import { eventPublisher } from "../../shared/adapters/providers/event-publisher";
import { licenseCatalog } from "../../shared/adapters/providers/license-catalog";
import { notifier } from "../../shared/adapters/providers/notifier";
import { workflowEngine } from "../../shared/adapters/providers/workflow-engine";
import { humanSteps } from "../../shared/domain/application/status";
import { recordWait } from "../../shared/domain/services/workflow-tasks";
import { taskHandler } from "../../shared/http/task-handler";

const input = z.object({
  applicationId: z.string().check(z.minLength(1)),
  step: z.enum(humanSteps),
  stateName: z.string().check(z.minLength(1)),
  taskToken: z.string().check(z.minLength(1)),
  stateInput: z.unknown(),
  afterRound: z.number().check(z.int(), z.nonnegative()),
});

/**
 * Invoked with waitForTaskToken: records the wait and returns at once. The workflow goes on when the
 * step's outcome is sent on the token: now, if an action already committed it, or when one does.
 */
export const handler = taskHandler(input, (event) =>
  recordWait(
    {
      store: applicationStore(),
      progress: workflowProgress(),
      workflow: workflowEngine(),
      publisher: eventPublisher(),
      notifier: notifier(),
      clock: clock(),
      catalog: licenseCatalog(),
    },
    event,
  ),
);
