import { allLicenseTypes } from "../../../shared/catalog";
import { listLicenseTypes } from "../../../shared/catalog/public/listing";
import { apiHandler } from "../../../shared/http/api-handler";
import { cacheableResult } from "../../../shared/http/cacheable";
import { catalogListQuerySchema } from "../../../shared/schemas/catalog";

export const handler = apiHandler(
  { authenticated: false, query: catalogListQuerySchema },
  async ({ query, event }) => cacheableResult(event, listLicenseTypes(allLicenseTypes(), query)),
);
