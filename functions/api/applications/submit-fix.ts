import * as z from "zod/mini";
import { workflowActionDeps } from "../../../shared/adapters/providers/workflow-action-deps";
import { submitFix } from "../../../shared/domain/services/applications";
import { apiHandler } from "../../../shared/http/api-handler";
import { submitFixSchema } from "../../../shared/schemas/applications";
import { applicationParams } from "./params";

export const handler = apiHandler(
  { params: applicationParams, body: z._default(z.optional(submitFixSchema), {}) },
  async ({ params, body, actor, idempotencyKey }) => ({
    body: await submitFix(workflowActionDeps(), actor, params.id, body.comment, idempotencyKey),
  }),
);
