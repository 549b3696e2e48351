import type { DocumentRecord } from "../../ports/document-store";
import { assertCanView } from "../access-policy";
import { type Actor, hasRole } from "../actor";
import { change } from "../application/lifecycle";
import type { Application } from "../application/types";
import { documentChecklist } from "../document-checklist";
import { DomainError, problems } from "../errors";
import type { Dependencies } from "./dependencies";
import { documentValidUntil } from "./documents";
import { licenseTypeOf } from "./license-type-of";
import { assertAssignedToView } from "./officer-access";

type Deps<K extends keyof Dependencies> = Pick<Dependencies, K>;

/** Long enough to open the file, short enough that a forwarded link soon stops working. */
export const downloadLinkSeconds = 5 * 60;

/** Each of the applicant's applications is read once per listing; a page of them at a time. */
const applicationsPage = 100;

/** Which application uses a document, and as what. */
export interface DocumentUse {
  applicationId: string;
  licenseTypeId: string;
  documentKey: string;
}

/**
 * The applicant's own documents, each once (an applicant holds one document per digest), with what
 * it was uploaded as, until when it is accepted (where a validity rule applies) and the applications
 * that use it. Which applications use a document is read from the applications themselves, so it can
 * never disagree with them.
 */
export async function listHeldDocuments(
  deps: Deps<"store" | "registry" | "catalog">,
  actor: Actor,
  page: { limit: number; cursor?: string | undefined },
) {
  const documents = await deps.registry.list(
    actor.userId,
    page.cursor ? { limit: page.limit, cursor: page.cursor } : { limit: page.limit },
  );
  const uses = await usesByDigest(deps, actor.userId);
  return {
    items: documents.items.map((record) => heldDocumentView(deps, record, uses.get(record.sha256) ?? [])),
    nextCursor: documents.cursor ?? null,
  };
}

function heldDocumentView(deps: Deps<"catalog">, record: DocumentRecord, usedBy: DocumentUse[]) {
  // Records made before issue 16 do not say what they were uploaded as: the first use tells.
  const kindOf = record.licenseTypeId && record.documentKey ? record : usedBy[0];
  const catalogDocument =
    kindOf?.licenseTypeId && kindOf.documentKey
      ? deps.catalog
          .licenseType(kindOf.licenseTypeId)
          ?.manual.documents.find((d) => d.key === kindOf.documentKey)
      : undefined;
  const withKind =
    kindOf?.licenseTypeId && kindOf.documentKey
      ? { ...record, licenseTypeId: kindOf.licenseTypeId, documentKey: kindOf.documentKey }
      : record;
  const validUntil = documentValidUntil(deps, withKind);
  return {
    id: record.sha256,
    kind: kindOf?.documentKey
      ? {
          documentKey: kindOf.documentKey,
          licenseTypeId: kindOf.licenseTypeId,
          name: catalogDocument?.name ?? null,
          nameEn: catalogDocument?.nameEn ?? null,
        }
      : null,
    fileName: record.fileName,
    sha256: record.sha256,
    size: record.size,
    contentType: record.contentType,
    uploadedAt: record.createdAt,
    ...(record.issuedOn ? { issuedOn: record.issuedOn } : {}),
    validUntil: validUntil ?? null,
    usedBy,
  };
}

async function usesByDigest(deps: Deps<"store">, applicantId: string): Promise<Map<string, DocumentUse[]>> {
  const uses = new Map<string, DocumentUse[]>();
  let cursor: string | undefined;
  do {
    const page = await deps.store.listByApplicant(
      applicantId,
      cursor ? { limit: applicationsPage, cursor } : { limit: applicationsPage },
    );
    for (const app of page.items)
      for (const [documentKey, attached] of Object.entries(app.documents ?? {})) {
        const list = uses.get(attached.sha256) ?? [];
        list.push({ applicationId: app.id, licenseTypeId: app.licenseTypeId, documentKey });
        uses.set(attached.sha256, list);
      }
    cursor = page.cursor;
  } while (cursor);
  return uses;
}

/** Who may read an application's documents: exactly who may read the application (404 to others). */
async function readableApplication(deps: Deps<"store" | "officers">, actor: Actor, id: string) {
  const app = await deps.store.get(id);
  assertCanView(actor, app);
  await assertAssignedToView(deps, actor, app);
  return app;
}

/** The license type's documents with what the application holds and what a fix request asks again. */
export async function applicationDocumentChecklist(
  deps: Deps<"store" | "officers" | "catalog">,
  actor: Actor,
  id: string,
) {
  const app = await readableApplication(deps, actor, id);
  return {
    applicationId: app.id,
    licenseTypeId: app.licenseTypeId,
    status: app.status,
    items: documentChecklist(app, licenseTypeOf(deps, app)),
  };
}

/** A history write lost to another change of the application is tried again on the fresh state. */
const downloadAttempts = 3;

/**
 * A link to exactly the bytes that were verified (the recorded object version), handed out only
 * after the download is written to the application's history, in the same version-checked
 * transaction as every other event: no one reads a document without the record saying so.
 */
export async function documentDownload(
  deps: Deps<"store" | "officers" | "registry" | "documents" | "clock">,
  actor: Actor,
  id: string,
  documentKey: string,
): Promise<{ url: string; expiresAt: string }> {
  for (let attempt = 1; ; attempt++) {
    const app = await readableApplication(deps, actor, id);
    const attached = app.documents[documentKey];
    if (!attached) throw problems.documentNotAttached(documentKey);
    const record = await deps.registry.get(app.applicantId, attached.sha256);
    if (!record) throw problems.documentNotAttached(documentKey);
    const now = deps.clock.now();
    const event = change(app, {}, actor, readerRole(actor, app), "download-document", now, {
      data: { documentKey, sha256: record.sha256, fileName: attached.fileName },
    });
    try {
      await deps.store.apply(event);
    } catch (error) {
      if (
        attempt < downloadAttempts &&
        error instanceof DomainError &&
        error.code === "CONCURRENT_MODIFICATION"
      )
        continue;
      throw error;
    }
    return deps.documents.presignDownload({
      key: record.objectKey,
      ...(record.versionId ? { versionId: record.versionId } : {}),
      expiresSeconds: downloadLinkSeconds,
    });
  }
}

/** The role the reader acts in, as history events name it. */
function readerRole(actor: Actor, app: Application): string {
  if (hasRole(actor, "applicant") && app.applicantId === actor.userId) return "applicant";
  if (hasRole(actor, "officer") && actor.agencyId === app.agencyId) return "officer";
  return "opdc-admin";
}
