import { clock } from "../../../shared/adapters/providers/clock";
import { licenseCatalog } from "../../../shared/adapters/providers/license-catalog";
import { officerDirectory } from "../../../shared/adapters/providers/officer-directory";
import { userDirectory } from "../../../shared/adapters/providers/user-directory";
import { putOfficerAccount } from "../../../shared/domain/services/officer-accounts";
import { apiHandler } from "../../../shared/http/api-handler";
import { officerParams, putOfficerAccountSchema } from "../../../shared/schemas/officer-accounts";

export const handler = apiHandler(
  { params: officerParams, body: putOfficerAccountSchema },
  async ({ params, body, actor }) => {
    const { account, created } = await putOfficerAccount(
      { officers: officerDirectory(), clock: clock(), users: userDirectory(), catalog: licenseCatalog() },
      actor,
      params.userId,
      body,
    );
    return { status: created ? 201 : 200, body: account };
  },
);
