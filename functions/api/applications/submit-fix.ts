import { applicationStore } from "../../../shared/adapters/providers/application-store";
import { clock } from "../../../shared/adapters/providers/clock";
import { deadlines } from "../../../shared/adapters/providers/deadlines";
import { workflowEngine } from "../../../shared/adapters/providers/workflow-engine";
import { submitFix } from "../../../shared/domain/services/applications";
import { apiHandler } from "../../../shared/http/api-handler";
import { submitFixSchema } from "../../../shared/schemas/applications";
import { applicationParams } from "./params";

export const handler = apiHandler(
  { params: applicationParams, body: submitFixSchema.optional().default({}) },
  async ({ params, body, actor }) => ({
    body: await submitFix(
      { store: applicationStore(), clock: clock(), workflow: workflowEngine(), deadlines: deadlines() },
      actor,
      params.id,
      body.comment,
    ),
  }),
);
