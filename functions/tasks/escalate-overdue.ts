import * as z from "zod/mini";
import { applicationStore } from "../../shared/adapters/providers/application-store";
import { clock } from "../../shared/adapters/providers/clock";
import { eventPublisher } from "../../shared/adapters/providers/event-publisher";
import { notifier, roleDirectory } from "../../shared/adapters/providers/notifier";
import { officerDirectory } from "../../shared/adapters/providers/officer-directory";
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
  escalateOverdue(
    {
      store: applicationStore(),
      publisher: eventPublisher(),
      // Overdue notices are copied to OPDC's users and the agency's supervisors: both are looked up.
      notifier: notifier(),
      roles: roleDirectory(),
      officers: officerDirectory(),
      clock: clock(),
    },
    event,
  ),
);
