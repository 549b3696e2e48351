import { applicationStore } from "../../../shared/adapters/providers/application-store";
import { listMyApplications } from "../../../shared/domain/services/applications";
import { apiHandler } from "../../../shared/http/api-handler";
import { pageQuerySchema } from "../../../shared/schemas/common";

export const handler = apiHandler({ query: pageQuerySchema }, async ({ query, actor }) => ({
  body: await listMyApplications({ store: applicationStore() }, actor, query),
}));
