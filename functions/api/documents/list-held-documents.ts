import { applicationStore, documentRegistry } from "../../../shared/adapters/providers/application-store";
import { licenseCatalog } from "../../../shared/adapters/providers/license-catalog";
import { listHeldDocuments } from "../../../shared/domain/services/document-reading";
import { apiHandler } from "../../../shared/http/api-handler";
import { heldDocumentsQuerySchema } from "../../../shared/schemas/documents";

export const handler = apiHandler({ query: heldDocumentsQuerySchema }, async ({ query, actor }) => ({
  body: await listHeldDocuments(
    { store: applicationStore(), registry: documentRegistry(), catalog: licenseCatalog() },
    actor,
    query,
  ),
}));
