import { businessCatalog, businessStore } from "../../../shared/adapters/providers/business-store";
import { clock } from "../../../shared/adapters/providers/clock";
import { createBusiness } from "../../../shared/domain/services/businesses";
import { apiHandler } from "../../../shared/http/api-handler";
import { createBusinessSchema } from "../../../shared/schemas/businesses";

export const handler = apiHandler({ body: createBusinessSchema }, async ({ body, actor }) => {
  const business = await createBusiness(
    { businesses: businessStore(), catalog: businessCatalog(), clock: clock() },
    actor,
    body,
  );
  return {
    status: 201,
    body: business,
    headers: { location: `/businesses/${business.id}`, etag: `"${business.version}"` },
  };
});
