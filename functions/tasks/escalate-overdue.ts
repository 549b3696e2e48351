import * as z from "zod/mini";
import { applicationStore } from "../../shared/adapters/providers/application-store";
import { clock } from "../../shared/adapters/providers/clock";
import { eventPublisher } from "../../shared/adapters/providers/event-publisher";
import { humanSteps } from "../../shared/domain/application/status";
import { escalateOverdue } from "../../shared/domain/services/workflow-tasks";
import { taskHandler } from "../../shared/http/task-handler";

const input = z.object({
  applicationId: z.string().check(z.minLength(1)),
  step: z.enum(humanSteps),
  afterRound: z.number().check(z.int(), z.nonnegative()),
});

/** Runs when a consideration step times out (Catch States.Timeout): the s.10 overdue notice. */
export const handler = taskHandler(input, (event) =>
  escalateOverdue({ store: applicationStore(), publisher: eventPublisher(), clock: clock() }, event),
);
