import * as z from "zod/mini";
import { applicationStore } from "../../shared/adapters/providers/application-store";
import { clock } from "../../shared/adapters/providers/clock";
import { decisionWait } from "../../shared/domain/services/workflow-tasks";
import { taskHandler } from "../../shared/http/task-handler";

const input = z.object({ applicationId: z.string().check(z.minLength(1)) });

/** Gives the consideration steps their timeout: until the decision is due, or the next s.10 notice. */
export const handler = taskHandler(input, (event) =>
  decisionWait({ store: applicationStore(), clock: clock() }, event),
);
