import { applicationStore } from "../../../shared/adapters/providers/application-store";
import { clock } from "../../../shared/adapters/providers/clock";
import { licenseCatalog } from "../../../shared/adapters/providers/license-catalog";
import { updateApplication } from "../../../shared/domain/services/applications";
import { apiHandler } from "../../../shared/http/api-handler";
import { updateApplicationSchema } from "../../../shared/schemas/applications";
import { applicationParams } from "./params";

export const handler = apiHandler(
  { params: applicationParams, body: updateApplicationSchema },
  async ({ params, body, actor }) => ({
    body: await updateApplication(
      { store: applicationStore(), clock: clock(), catalog: licenseCatalog() },
      actor,
      params.id,
      body.formData,
    ),
  }),
);
