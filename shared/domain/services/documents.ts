import { monotonicFactory } from "ulid";
import type { LicenseType } from "../../catalog/schema";
import { type DocumentRecord, documentObjectKey, uploadObjectKey } from "../../ports/document-store";
import { assertOwner } from "../access-policy";
import type { Actor } from "../actor";
import { assertDocumentChangeAllowed, attachDocument as attach } from "../application/lifecycle";
import type { Application } from "../application/types";
import { assertUploadMatchesDeclaration, detectDocumentType } from "../document-upload";
import { bangkokDate, isExpired, validityRuleFor, validUntilOf } from "../document-validity";
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
 * What attach takes: a document the applicant already holds (`documentId`, no upload), or a digest,
 * which reuses the document held with it or else verifies the pending upload.
 */
export interface AttachInput {
  documentId?: string | undefined;
  sha256?: string | undefined;
  fileName?: string | undefined;
  uploadId?: string | undefined;
  /** The issue date the applicant states (YYYY-MM-DD), for documents that expire. */
  issuedOn?: string | undefined;
}

/**
 * Attaches a document by its id or its digest. A digest this applicant already has verified reuses
 * that record and its immutable bytes ("upload each document once"). Otherwise the pending upload is
 * read back, checked against its declaration (size, SHA-256, type by magic bytes) and the very bytes
 * checked are kept under a write-once key; the upload key itself is never referred to. A document
 * past its validity (document-validity.ts) is kept but not attached.
 */
export async function attachUploadedDocument(
  deps: Deps<"store" | "documents" | "registry" | "clock" | "catalog">,
  actor: Actor,
  id: string,
  documentKey: string,
  input: AttachInput,
): Promise<Application> {
  const app = await deps.store.get(id);
  assertOwner(actor, app);
  const licenseType = licenseTypeOf(deps, app);
  const now = deps.clock.now();
  assertDocumentChangeAllowed(app, licenseType, documentKey, now);
  const record = await documentToAttach(deps, actor, app, documentKey, input, now);
  assertStillValid(deps, record, licenseType, documentKey, now);
  const change = attach(
    app,
    licenseType,
    documentKey,
    {
      sha256: record.sha256,
      fileName: input.fileName ?? record.fileName,
      contentType: record.contentType,
      size: record.size,
    },
    actor,
    now,
  );
  // Only this key's entry is written: another key attached at the same moment does not conflict.
  await deps.store.attachDocument({ change, documentKey, previous: app.documents[documentKey] });
  return (await deps.store.get(id)) ?? change.application;
}

async function documentToAttach(
  deps: Deps<"documents" | "registry">,
  actor: Actor,
  app: Application,
  documentKey: string,
  input: AttachInput,
  now: Date,
): Promise<DocumentRecord> {
  if (input.documentId !== undefined) {
    // Looked up under the caller's own id only: someone else's document is simply not found.
    const held = await deps.registry.get(actor.userId, input.documentId);
    if (!held) throw problems.documentNotFound();
    return held;
  }
  if (input.sha256 === undefined || input.fileName === undefined)
    throw problems.invalidRequest({
      en: "Give either documentId, or sha256 and fileName",
      th: "กรุณาระบุ documentId หรือ sha256 พร้อม fileName อย่างใดอย่างหนึ่ง",
    });
  if (input.issuedOn && input.issuedOn > bangkokDate(now.toISOString()))
    throw problems.invalidRequest(
      { en: "The issue date lies in the future", th: "วันที่ออกเอกสารเป็นวันในอนาคต" },
      [
        {
          path: "body.issuedOn",
          message: "must not be after today (Bangkok)",
          messageTh: "ต้องไม่เกินวันนี้ (เวลากรุงเทพฯ)",
        },
      ],
    );
  const declared = {
    sha256: input.sha256,
    fileName: input.fileName,
    uploadId: input.uploadId,
    issuedOn: input.issuedOn,
  };
  return (
    (await deps.registry.get(actor.userId, input.sha256)) ??
    (await verifyUpload(deps, actor, declared, { documentKey, licenseTypeId: app.licenseTypeId }, now))
  );
}

/**
 * A document that expires is judged by the kind it was uploaded as (or, for records older than
 * issue 16, by the requirement it is attached to now).
 */
function assertStillValid(
  deps: Deps<"catalog">,
  record: DocumentRecord,
  target: LicenseType,
  documentKey: string,
  now: Date,
): void {
  const until = documentValidUntil(deps, record, target, documentKey);
  if (isExpired(until, now)) throw problems.documentExpired(until!);
}

export function documentValidUntil(
  deps: Deps<"catalog">,
  record: DocumentRecord,
  fallback?: LicenseType,
  fallbackKey?: string,
): string | undefined {
  const kind =
    record.licenseTypeId && record.documentKey
      ? deps.catalog
          .licenseType(record.licenseTypeId)
          ?.manual.documents.find((d) => d.key === record.documentKey)
      : fallback?.manual.documents.find((d) => d.key === fallbackKey);
  const rule = validityRuleFor(kind);
  return rule && validUntilOf(rule, { issuedOn: record.issuedOn, uploadedAt: record.createdAt });
}

async function verifyUpload(
  deps: Deps<"documents" | "registry">,
  actor: Actor,
  input: { sha256: string; fileName: string; uploadId?: string | undefined; issuedOn?: string | undefined },
  kind: { documentKey: string; licenseTypeId: string },
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
    ...kind,
    ...(input.issuedOn ? { issuedOn: input.issuedOn } : {}),
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
