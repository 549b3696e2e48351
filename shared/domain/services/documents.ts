import { type DocumentRecord, documentObjectKey } from "../../ports/document-store";
import { acceptedDocumentTypes, maxDocumentBytes } from "../../schemas/applications";
import { assertOwner } from "../access-policy";
import type { Actor } from "../actor";
import { assertDocumentChangeAllowed, attachDocument as attach } from "../application/lifecycle";
import type { Application } from "../application/types";
import { problems } from "../errors";
import type { Dependencies } from "./dependencies";
import { licenseTypeOf } from "./license-type-of";

type Deps<K extends keyof Dependencies> = Pick<Dependencies, K>;

/** Upload links live briefly: long enough for a slow mobile upload of 10 MB. */
const uploadLinkSeconds = 15 * 60;

export async function presignDocumentUpload(
  deps: Deps<"store" | "documents" | "clock">,
  actor: Actor,
  id: string,
  input: { documentKey: string; fileName: string; contentType: string; size: number; sha256: string },
) {
  const app = await deps.store.get(id);
  assertOwner(actor, app);
  assertDocumentChangeAllowed(app, licenseTypeOf(app), input.documentKey, deps.clock.now());
  const objectKey = documentObjectKey(actor.userId, input.sha256);
  const upload = await deps.documents.presignUpload({
    key: objectKey,
    contentType: input.contentType,
    maxBytes: Math.min(input.size, maxDocumentBytes),
    expiresSeconds: uploadLinkSeconds,
  });
  return { documentKey: input.documentKey, objectKey, upload };
}

/**
 * Attaches an uploaded document. The bytes are read back and hashed: only an object whose digest,
 * size and type match is recorded. A document uploaded once is reused by later applications.
 */
export async function attachUploadedDocument(
  deps: Deps<"store" | "documents" | "registry" | "clock">,
  actor: Actor,
  id: string,
  documentKey: string,
  input: { sha256: string; fileName: string },
): Promise<Application> {
  const app = await deps.store.get(id);
  assertOwner(actor, app);
  const licenseType = licenseTypeOf(app);
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
  input: { sha256: string; fileName: string },
  now: Date,
): Promise<DocumentRecord> {
  const objectKey = documentObjectKey(actor.userId, input.sha256);
  const stored = await deps.documents.inspect(objectKey);
  if (!stored) throw problems.documentNotAccepted("Nothing was uploaded for this digest");
  if (stored.sha256 !== input.sha256)
    throw problems.documentNotAccepted("The uploaded bytes do not match the declared SHA-256");
  if (stored.size > maxDocumentBytes) throw problems.documentNotAccepted("The document is larger than 10 MB");
  const contentType = stored.contentType ?? "";
  if (!(acceptedDocumentTypes as readonly string[]).includes(contentType))
    throw problems.documentNotAccepted(`Type ${contentType || "unknown"} is not accepted (PDF, JPEG or PNG)`);
  const record: DocumentRecord = {
    ownerId: actor.userId,
    sha256: stored.sha256,
    objectKey,
    fileName: input.fileName,
    contentType,
    size: stored.size,
    createdAt: now.toISOString(),
  };
  await deps.registry.put(record);
  return record;
}
