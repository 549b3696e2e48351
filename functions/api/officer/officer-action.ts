import { workflowActionDeps } from "../../../shared/adapters/providers/workflow-action-deps";
import { performOfficerAction } from "../../../shared/domain/services/officer";
import { apiHandler } from "../../../shared/http/api-handler";
import { officerActionSchema } from "../../../shared/schemas/officer-actions";
import { applicationParams } from "../applications/params";

export const handler = apiHandler(
  { params: applicationParams, body: officerActionSchema },
  async ({ params, body, actor, idempotencyKey }) => ({
    body: await performOfficerAction(workflowActionDeps(), actor, params.id, body, idempotencyKey),
  }),
);
