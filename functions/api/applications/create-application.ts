import { applicationStore } from "../../../shared/adapters/providers/application-store";
import { clock } from "../../../shared/adapters/providers/clock";
import { licenseCatalog } from "../../../shared/adapters/providers/license-catalog";
import { createApplication } from "../../../shared/domain/services/applications";
import { apiHandler } from "../../../shared/http/api-handler";
import { createApplicationSchema } from "../../../shared/schemas/applications";

export const handler = apiHandler({ body: createApplicationSchema }, async ({ body, actor }) => {
  const application = await createApplication(
    { store: applicationStore(), clock: clock(), catalog: licenseCatalog() },
    actor,
    body,
  );
  return { status: 201, body: application, headers: { location: `/applications/${application.id}` } };
});
