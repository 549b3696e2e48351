import { monotonicFactory } from "ulid";
import { type DocumentRecord, documentObjectKey, uploadObjectKey } from "../../ports/document-store";
import { assertOwner } from "../access-policy";
import type { Actor } from "../actor";
import { assertDocumentChangeAllowed, attachDocument as attach } from "../application/lifecycle";
import type { Application } from "../application/types";
import { assertUploadMatchesDeclaration, detectDocumentType } from "../document-upload";
import { problems } from "../errors";
import type { Dependencies } from "./dependencies";
import { licenseTypeOf } from "./license-type-of";

type Deps<K extends keyof Dependencies> = Pick<Dependencies, K>;

/** Upload links live briefly: long enough for a slow mobile upload of 10 MB. */
const uploadLinkSeconds = 15 * 60;

/** Upload ids sort by creation, so the newest pending upload of a digest comes first. */
const nextUploadId = monotonicFactory();

/**
 * Hands out an upload link. Every link writes to a fresh key (`uploads/<owner>/<upload id>`) and the
 * declaration is kept with it, so no link can ever reach bytes an application refers to, and attach
 * can compare what arrives with what was declared.
 */
export async function presignDocumentUpload(
  deps: Deps<"store" | "documents" | "registry" | "clock" | "catalog">,
  actor: Actor,
  id: string,
  input: { documentKey: string; fileName: string; contentType: string; size: number; sha256: string },
) {
  const app = await deps.store.get(id);
  assertOwner(actor, app);
  const now = deps.clock.now();
  assertDocumentChangeAllowed(app, licenseTypeOf(deps, app), input.documentKey, now);
  const uploadId = nextUploadId(now.getTime());
  const objectKey = uploadObjectKey(actor.userId, uploadId);
  const upload = await deps.documents.presignUpload({
    key: objectKey,
    contentType: input.contentType,
    size: input.size,
    sha256: input.sha256,
    expiresSeconds: uploadLinkSeconds,
  });
  await deps.registry.putUpload({
    ownerId: actor.userId,
    uploadId,
    objectKey,
    sha256: input.sha256,
    size: input.size,
    contentType: input.contentType,
    createdAt: now.toISOString(),
  });
  return { documentKey: input.documentKey, uploadId, objectKey, upload };
}

/**
 * Attaches a document by its digest. A digest this applicant already has verified reuses that record
 * and its immutable bytes ("upload each document once"). Otherwise the pending upload is read back,
 * checked against its declaration (size, SHA-256, type by magic bytes) and the very bytes checked are
 * kept under a write-once key; the upload key itself is never referred to.
 */
export async function attachUploadedDocument(
  deps: Deps<"store" | "documents" | "registry" | "clock" | "catalog">,
  actor: Actor,
  id: string,
  documentKey: string,
  input: { sha256: string; fileName: string; uploadId?: string | undefined },
): Promise<Application> {
  const app = await deps.store.get(id);
  assertOwner(actor, app);
  const licenseType = licenseTypeOf(deps, app);
  const now = deps.clock.now();
  assertDocumentChangeAllowed(app, licenseType, documentKey, now);
  const record =
    (await deps.registry.get(actor.userId, input.sha256)) ?? (await verifyUpload(deps, actor, input, now));
  const change = attach(
    app,
    licenseType,
    documentKey,
    { sha256: record.sha256, fileName: input.fileName, contentType: record.contentType, size: record.size },
    actor,
    now,
  );
  await deps.store.apply(change);
  return change.application;
}

async function verifyUpload(
  deps: Deps<"documents" | "registry">,
  actor: Actor,
  input: { sha256: string; fileName: string; uploadId?: string | undefined },
  now: Date,
): Promise<DocumentRecord> {
  const found = await uploadedObject(deps, actor, input);
  if (!found)
    throw problems.documentNotAccepted({
      en: "Nothing was uploaded for this digest",
      th: "ไม่พบไฟล์ที่อัปโหลดสำหรับค่า SHA-256 นี้",
    });
  const { pending, stored } = found;
  const { content } = stored;
  assertUploadMatchesDeclaration(pending, {
    size: stored.size,
    sha256: content?.sha256,
    storedType: stored.contentType,
    detectedType: content && (await detectDocumentType(content.bytes)),
  });
  // Unreachable once the rule passed (only an object over the declared size is left unread).
  if (!content) throw problems.documentSizeMismatch(pending.size, stored.size);
  // Keep the bytes that were checked, not whatever the upload key holds by now: the link stays usable
  // until it expires, so the upload key may change between this read and any later one.
  const objectKey = documentObjectKey(actor.userId, pending.sha256, pending.uploadId);
  const { versionId } = await deps.documents.keep({
    key: objectKey,
    bytes: content.bytes,
    contentType: pending.contentType,
    sha256: pending.sha256,
  });
  return deps.registry.put({
    ownerId: actor.userId,
    sha256: pending.sha256,
    objectKey,
    ...(versionId ? { versionId } : {}),
    fileName: input.fileName,
    contentType: pending.contentType,
    size: pending.size,
    createdAt: now.toISOString(),
  });
}

/**
 * The upload to verify: the one named by `uploadId`, or else the newest upload declared with this
 * digest that has arrived (an applicant may ask for a link twice and use either).
 */
async function uploadedObject(
  deps: Deps<"documents" | "registry">,
  actor: Actor,
  input: { sha256: string; uploadId?: string | undefined },
) {
  const uploads = (await deps.registry.uploadsFor(actor.userId, input.sha256)).filter(
    (u) => input.uploadId === undefined || u.uploadId === input.uploadId,
  );
  for (const pending of uploads) {
    // A larger object is refused by its size without being buffered whole.
    const stored = await deps.documents.inspect(pending.objectKey, { maxBytes: pending.size });
    if (stored) return { pending, stored };
  }
  return undefined;
}
