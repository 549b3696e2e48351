import { businessStore } from "../../../shared/adapters/providers/business-store";
import { listMyBusinesses } from "../../../shared/domain/services/businesses";
import { apiHandler } from "../../../shared/http/api-handler";
import { pageQuerySchema } from "../../../shared/schemas/common";

export const handler = apiHandler({ query: pageQuerySchema }, async ({ query, actor }) => ({
  body: await listMyBusinesses({ businesses: businessStore() }, actor, query),
}));
