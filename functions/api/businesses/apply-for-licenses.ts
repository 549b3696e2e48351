import { idempotencyStore } from "../../../shared/adapters/providers/application-store";
import { businessCatalog, businessStore } from "../../../shared/adapters/providers/business-store";
import { clock } from "../../../shared/adapters/providers/clock";
import { applyForLicenses } from "../../../shared/domain/services/businesses";
import { apiHandler } from "../../../shared/http/api-handler";
import { applyForLicensesSchema, businessParams } from "../../../shared/schemas/businesses";

/** One form for many licenses: a draft per license type, all or none; Idempotency-Key replays. */
export const handler = apiHandler(
  { params: businessParams, body: applyForLicensesSchema },
  async ({ params, body, actor, idempotencyKey }) => ({
    status: 201,
    body: await applyForLicenses(
      {
        businesses: businessStore(),
        catalog: businessCatalog(),
        clock: clock(),
        idempotency: idempotencyStore(),
      },
      actor,
      params.id,
      body,
      idempotencyKey,
    ),
  }),
);
