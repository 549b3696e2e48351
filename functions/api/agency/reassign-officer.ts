import { clock } from "../../../shared/adapters/providers/clock";
import { licenseCatalog } from "../../../shared/adapters/providers/license-catalog";
import { officerDirectory } from "../../../shared/adapters/providers/officer-directory";
import { reassignOfficer } from "../../../shared/domain/services/officer-accounts";
import { apiHandler } from "../../../shared/http/api-handler";
import { officerParams, reassignOfficerSchema } from "../../../shared/schemas/officer-accounts";

export const handler = apiHandler(
  { params: officerParams, body: reassignOfficerSchema },
  async ({ params, body, actor }) => ({
    body: await reassignOfficer(
      { officers: officerDirectory(), clock: clock(), catalog: licenseCatalog() },
      actor,
      params.userId,
      body,
    ),
  }),
);
