import { applicationStore, documentRegistry } from "../../../shared/adapters/providers/application-store";
import { clock } from "../../../shared/adapters/providers/clock";
import { documentStore } from "../../../shared/adapters/providers/document-store";
import { officerDirectory } from "../../../shared/adapters/providers/officer-directory";
import { documentDownload } from "../../../shared/domain/services/document-reading";
import { apiHandler } from "../../../shared/http/api-handler";
import { documentParams } from "../applications/params";

/** 302 to a short-lived link of the verified bytes; the download is in the history before it answers. */
export const handler = apiHandler({ params: documentParams }, async ({ params, actor }) => {
  const link = await documentDownload(
    {
      store: applicationStore(),
      officers: officerDirectory(),
      registry: documentRegistry(),
      documents: documentStore(),
      clock: clock(),
    },
    actor,
    params.id,
    params.documentKey,
  );
  return { status: 302, headers: { location: link.url, "cache-control": "no-store" } };
});
