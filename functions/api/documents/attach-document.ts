import { applicationStore, documentRegistry } from "../../../shared/adapters/providers/application-store";
import { clock } from "../../../shared/adapters/providers/clock";
import { documentStore } from "../../../shared/adapters/providers/document-store";
import { licenseCatalog } from "../../../shared/adapters/providers/license-catalog";
import { attachUploadedDocument } from "../../../shared/domain/services/documents";
import { apiHandler } from "../../../shared/http/api-handler";
import { attachDocumentSchema } from "../../../shared/schemas/applications";
import { documentParams } from "../applications/params";

export const handler = apiHandler(
  { params: documentParams, body: attachDocumentSchema },
  async ({ params, body, actor }) => ({
    body: await attachUploadedDocument(
      {
        store: applicationStore(),
        documents: documentStore(),
        registry: documentRegistry(),
        clock: clock(),
        catalog: licenseCatalog(),
      },
      actor,
      params.id,
      params.documentKey,
      body,
    ),
  }),
);
