import * as z from "zod/mini";
import { workflowActionDeps } from "../../../shared/adapters/providers/workflow-action-deps";
import { withdrawApplication } from "../../../shared/domain/services/applications";
import { apiHandler } from "../../../shared/http/api-handler";
import { withdrawSchema } from "../../../shared/schemas/applications";
import { applicationParams } from "./params";

export const handler = apiHandler(
  { params: applicationParams, body: z._default(z.optional(withdrawSchema), {}) },
  async ({ params, body, actor, idempotencyKey }) => ({
    body: await withdrawApplication(workflowActionDeps(), actor, params.id, body.reason, idempotencyKey),
  }),
);
