import { workflowActionDeps } from "../../../shared/adapters/providers/workflow-action-deps";
import { submitApplication } from "../../../shared/domain/services/applications";
import { apiHandler } from "../../../shared/http/api-handler";
import { applicationParams } from "./params";

export const handler = apiHandler({ params: applicationParams }, async ({ params, actor }) => ({
  body: await submitApplication(workflowActionDeps(), actor, params.id),
}));
