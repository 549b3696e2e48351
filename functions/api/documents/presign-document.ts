import { applicationStore, documentRegistry } from "../../../shared/adapters/providers/application-store";
import { clock } from "../../../shared/adapters/providers/clock";
import { documentStore } from "../../../shared/adapters/providers/document-store";
import { licenseCatalog } from "../../../shared/adapters/providers/license-catalog";
import { presignDocumentUpload } from "../../../shared/domain/services/documents";
import { apiHandler } from "../../../shared/http/api-handler";
import { presignDocumentSchema } from "../../../shared/schemas/applications";
import { applicationParams } from "../applications/params";

export const handler = apiHandler(
  { params: applicationParams, body: presignDocumentSchema },
  async ({ params, body, actor }) => ({
    status: 201,
    body: await presignDocumentUpload(
      {
        store: applicationStore(),
        documents: documentStore(),
        registry: documentRegistry(),
        clock: clock(),
        catalog: licenseCatalog(),
      },
      actor,
      params.id,
      body,
    ),
  }),
);
