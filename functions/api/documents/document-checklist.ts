import { applicationStore } from "../../../shared/adapters/providers/application-store";
import { licenseCatalog } from "../../../shared/adapters/providers/license-catalog";
import { officerDirectory } from "../../../shared/adapters/providers/officer-directory";
import { applicationDocumentChecklist } from "../../../shared/domain/services/document-reading";
import { apiHandler } from "../../../shared/http/api-handler";
import { applicationParams } from "../applications/params";

export const handler = apiHandler({ params: applicationParams }, async ({ params, actor }) => ({
  body: await applicationDocumentChecklist(
    { store: applicationStore(), officers: officerDirectory(), catalog: licenseCatalog() },
    actor,
    params.id,
  ),
}));
