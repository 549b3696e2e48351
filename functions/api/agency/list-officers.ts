import { officerDirectory } from "../../../shared/adapters/providers/officer-directory";
import { listOfficerAccounts } from "../../../shared/domain/services/officer-accounts";
import { apiHandler } from "../../../shared/http/api-handler";

export const handler = apiHandler({}, async ({ actor }) => ({
  body: { items: await listOfficerAccounts({ officers: officerDirectory() }, actor) },
}));
