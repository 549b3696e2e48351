import * as z from "zod/mini";
import { applicationStore } from "../../shared/adapters/providers/application-store";
import { clock } from "../../shared/adapters/providers/clock";
import { eventPublisher } from "../../shared/adapters/providers/event-publisher";
import { notifier } from "../../shared/adapters/providers/notifier";
import { returnApplication } from "../../shared/domain/services/workflow-tasks";
import { taskHandler } from "../../shared/http/task-handler";

const input = z.object({ applicationId: z.string().check(z.minLength(1)) });

export const handler = taskHandler(input, (event) =>
  returnApplication(
    { store: applicationStore(), publisher: eventPublisher(), notifier: notifier(), clock: clock() },
    event,
  ),
);
