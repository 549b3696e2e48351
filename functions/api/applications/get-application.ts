import { applicationStore, workflowProgress } from "../../../shared/adapters/providers/application-store";
import { officerDirectory } from "../../../shared/adapters/providers/officer-directory";
import { viewApplication } from "../../../shared/domain/services/applications";
import { apiHandler } from "../../../shared/http/api-handler";
import { applicationParams } from "./params";

export const handler = apiHandler({ params: applicationParams }, async ({ params, actor }) => ({
  body: await viewApplication(
    { store: applicationStore(), officers: officerDirectory(), progress: workflowProgress() },
    actor,
    params.id,
  ),
}));
