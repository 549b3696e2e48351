import { applicationStore, licenseRegister } from "../../../shared/adapters/providers/application-store";
import { businessStore } from "../../../shared/adapters/providers/business-store";
import { viewBusiness } from "../../../shared/domain/services/businesses";
import { apiHandler } from "../../../shared/http/api-handler";
import { businessParams } from "../../../shared/schemas/businesses";

/** The business with Smart Track: each application's status and next step, each license issued. */
export const handler = apiHandler({ params: businessParams }, async ({ params, actor }) => {
  const business = await viewBusiness(
    { businesses: businessStore(), store: applicationStore(), licenses: licenseRegister() },
    actor,
    params.id,
  );
  return { body: business, headers: { etag: `"${business.version}"` } };
});
