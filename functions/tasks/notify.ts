import * as z from "zod/mini";
import { applicationStore } from "../../shared/adapters/providers/application-store";
import { clock } from "../../shared/adapters/providers/clock";
import { eventPublisher } from "../../shared/adapters/providers/event-publisher";
import { sendNotice } from "../../shared/domain/services/workflow-tasks";
import { taskHandler } from "../../shared/http/task-handler";

const input = z.object({
  applicationId: z.string().check(z.minLength(1)),
  kind: z.enum(["fixRequested", "approved", "rejected", "licenseIssued", "returned", "assessmentIssued"]),
});

export const handler = taskHandler(input, (event) =>
  sendNotice({ store: applicationStore(), publisher: eventPublisher(), clock: clock() }, event),
);
