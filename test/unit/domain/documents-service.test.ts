import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { attachUploadedDocument, presignDocumentUpload } from "../../../shared/domain/services/documents";
import { samplePdf } from "../../support/api-client";
import { FakeDocumentRegistry, FakeDocumentStore } from "./document-fakes";
import { catalog, FakeApplicationStore, FixedClock } from "./fakes";
import { applicant, applicationIn, hoursLater, mondayTen } from "./fixtures";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const draftX = applicationIn("DRAFT", { id: "01JNZ8Y7M3Q4R5S6T7V8W9X0YA", documents: {} });
const draftY = applicationIn("DRAFT", { id: "01JNZ8Y7M3Q4R5S6T7V8W9X0YB", documents: {} });
const idCard = samplePdf("id card");

let store: FakeApplicationStore;
let documents: FakeDocumentStore;
let registry: FakeDocumentRegistry;
let clock: FixedClock;
const deps = () => ({ store, documents, registry, clock, catalog });

beforeEach(() => {
  store = new FakeApplicationStore([draftX, draftY]);
  documents = new FakeDocumentStore();
  registry = new FakeDocumentRegistry();
  clock = new FixedClock(mondayTen);
});

/** Presign, then "POST" `bytes` to the link as a browser would (the fake checks no policy). */
async function presignAndUpload(
  appId: string,
  bytes: Buffer,
  declared: Partial<{ size: number; sha256: string; contentType: string }> = {},
  contentType = "application/pdf",
) {
  const presigned = await presignDocumentUpload(deps(), applicant, appId, {
    documentKey: "idCard",
    fileName: "id.pdf",
    contentType: "application/pdf",
    size: bytes.length,
    sha256: sha256(bytes),
    ...declared,
  });
  documents.upload(presigned.objectKey, bytes, contentType);
  return presigned;
}

const attachTo = (appId: string, sha: string, uploadId?: string) =>
  attachUploadedDocument(deps(), applicant, appId, "idCard", {
    sha256: sha,
    fileName: "id.pdf",
    ...(uploadId ? { uploadId } : {}),
  });

describe("presignDocumentUpload", () => {
  it("gives every link a fresh uploads/ key and keeps the declaration with it", async () => {
    const first = await presignDocumentUpload(deps(), applicant, draftX.id, {
      documentKey: "idCard",
      fileName: "id.pdf",
      contentType: "application/pdf",
      size: idCard.length,
      sha256: sha256(idCard),
    });
    const second = await presignDocumentUpload(deps(), applicant, draftY.id, {
      documentKey: "idCard",
      fileName: "id.pdf",
      contentType: "application/pdf",
      size: idCard.length,
      sha256: sha256(idCard),
    });
    expect(first.objectKey).toBe(`uploads/applicant-1/${first.uploadId}`);
    expect(second.uploadId).not.toBe(first.uploadId);
    expect(second.uploadId > first.uploadId).toBe(true);
    expect(documents.presigned.map((p) => p.key)).toEqual([first.objectKey, second.objectKey]);
    expect(documents.presigned[0]).toMatchObject({
      contentType: "application/pdf",
      size: idCard.length,
      sha256: sha256(idCard),
    });
    expect(registry.uploads[0]).toEqual({
      ownerId: "applicant-1",
      uploadId: first.uploadId,
      objectKey: first.objectKey,
      sha256: sha256(idCard),
      size: idCard.length,
      contentType: "application/pdf",
      createdAt: mondayTen.toISOString(),
    });
  });

  it("never presigns the key of a verified document, even for a digest already verified", async () => {
    await presignAndUpload(draftX.id, idCard);
    await attachTo(draftX.id, sha256(idCard));
    const again = await presignAndUpload(draftY.id, samplePdf("other"), { sha256: sha256(idCard) });
    const record = await registry.get("applicant-1", sha256(idCard));
    expect(again.objectKey).not.toBe(record!.objectKey);
    expect(documents.presigned.every((p) => p.key.startsWith("uploads/"))).toBe(true);
  });
});

describe("attachUploadedDocument", () => {
  it("checks the upload and keeps the checked bytes under a write-once documents/ key", async () => {
    const { uploadId } = await presignAndUpload(draftX.id, idCard);
    const app = await attachTo(draftX.id, sha256(idCard));
    const objectKey = `documents/applicant-1/${sha256(idCard)}/${uploadId}`;
    expect(documents.kept).toEqual([objectKey]);
    expect(await registry.get("applicant-1", sha256(idCard))).toEqual({
      ownerId: "applicant-1",
      sha256: sha256(idCard),
      objectKey,
      versionId: documents.objects.get(objectKey)!.versionId,
      fileName: "id.pdf",
      contentType: "application/pdf",
      size: idCard.length,
      createdAt: mondayTen.toISOString(),
      // What it was uploaded as (issue 16): its kind in GET /documents and its validity rule.
      documentKey: "idCard",
      licenseTypeId: "food-premises-over-200sqm-klong-dan",
    });
    expect(app.documents.idCard).toMatchObject({ sha256: sha256(idCard), size: idCard.length });
    expect(documents.objects.get(objectKey)!.bytes.equals(idCard)).toBe(true);
  });

  it("leaves the verified bytes alone when the upload link is used again after attach", async () => {
    const { objectKey: uploadKey } = await presignAndUpload(draftX.id, idCard);
    await attachTo(draftX.id, sha256(idCard));
    documents.upload(uploadKey, samplePdf("replayed form"));
    const record = await registry.get("applicant-1", sha256(idCard));
    expect(documents.objects.get(record!.objectKey)!.bytes.equals(idCard)).toBe(true);
  });

  it("reuses the verified record for a second application without reading any upload", async () => {
    await presignAndUpload(draftX.id, idCard);
    await attachTo(draftX.id, sha256(idCard));
    const verified = await registry.get("applicant-1", sha256(idCard));
    // The attack of issue 13: a new link for the same digest, other bytes posted to it.
    await presignAndUpload(draftY.id, samplePdf("attacker"), { sha256: sha256(idCard) });
    const reads = documents.reads.length;
    clock.set(hoursLater(mondayTen, 1));
    const y = await attachTo(draftY.id, sha256(idCard));
    expect(documents.reads.length).toBe(reads);
    expect(documents.kept).toHaveLength(1);
    expect(await registry.get("applicant-1", sha256(idCard))).toEqual(verified);
    expect(y.documents.idCard).toMatchObject({ sha256: sha256(idCard), size: idCard.length });
    expect(documents.objects.get(verified!.objectKey)!.bytes.equals(idCard)).toBe(true);
  });

  it("refuses an upload larger than declared with DOCUMENT_SIZE_MISMATCH and changes nothing", async () => {
    const big = Buffer.concat([samplePdf("big"), Buffer.alloc(5 * 1024, 0x20)]);
    await presignAndUpload(draftX.id, big, { size: 50 });
    await expect(attachTo(draftX.id, sha256(big))).rejects.toMatchObject({
      code: "DOCUMENT_SIZE_MISMATCH",
      kind: "validation",
    });
    expect(documents.kept).toEqual([]);
    expect(registry.records.size).toBe(0);
    expect(store.applied).toEqual([]);
  });

  it("refuses HTML declared as a PDF with DOCUMENT_TYPE_MISMATCH and changes nothing", async () => {
    const html = Buffer.from("<html><body>not a pdf</body></html>");
    await presignAndUpload(draftX.id, html);
    await expect(attachTo(draftX.id, sha256(html))).rejects.toMatchObject({
      code: "DOCUMENT_TYPE_MISMATCH",
      kind: "validation",
    });
    expect(documents.kept).toEqual([]);
    expect(store.applied).toEqual([]);
  });

  it("refuses other bytes than the declared digest with DOCUMENT_NOT_ACCEPTED", async () => {
    const other = samplePdf("other bytes!");
    await presignAndUpload(draftX.id, other, { sha256: sha256(idCard), size: other.length });
    await expect(attachTo(draftX.id, sha256(idCard))).rejects.toMatchObject({
      code: "DOCUMENT_NOT_ACCEPTED",
    });
    expect(documents.kept).toEqual([]);
  });

  it("refuses a digest nothing was uploaded for with DOCUMENT_NOT_ACCEPTED", async () => {
    await expect(attachTo(draftX.id, sha256(idCard))).rejects.toMatchObject({
      code: "DOCUMENT_NOT_ACCEPTED",
    });
    await presignDocumentUpload(deps(), applicant, draftX.id, {
      documentKey: "idCard",
      fileName: "id.pdf",
      contentType: "application/pdf",
      size: idCard.length,
      sha256: sha256(idCard),
    });
    await expect(attachTo(draftX.id, sha256(idCard))).rejects.toMatchObject({
      code: "DOCUMENT_NOT_ACCEPTED",
      detail: "Nothing was uploaded for this digest",
    });
  });

  it("uses the newest link that received bytes when the applicant asked for several", async () => {
    const used = await presignAndUpload(draftX.id, idCard);
    await presignDocumentUpload(deps(), applicant, draftX.id, {
      documentKey: "idCard",
      fileName: "id.pdf",
      contentType: "application/pdf",
      size: idCard.length,
      sha256: sha256(idCard),
    });
    await attachTo(draftX.id, sha256(idCard));
    expect(documents.kept).toEqual([`documents/applicant-1/${sha256(idCard)}/${used.uploadId}`]);
  });

  it("verifies exactly the upload named by uploadId, and refuses an unknown one", async () => {
    const named = await presignAndUpload(draftX.id, idCard);
    await presignAndUpload(draftX.id, samplePdf("newer but wrong"), { sha256: sha256(idCard) });
    await expect(attachTo(draftX.id, sha256(idCard))).rejects.toMatchObject({
      code: "DOCUMENT_NOT_ACCEPTED",
    });
    await expect(attachTo(draftX.id, sha256(idCard), "01JNZ8Y7M3Q4R5S6T7V8W9X0ZZ")).rejects.toMatchObject({
      code: "DOCUMENT_NOT_ACCEPTED",
    });
    await attachTo(draftX.id, sha256(idCard), named.uploadId);
    expect(documents.kept).toEqual([`documents/applicant-1/${sha256(idCard)}/${named.uploadId}`]);
  });

  it("refers to the record that won when two attaches of one digest race", async () => {
    await presignAndUpload(draftX.id, idCard);
    registry.raceWinner = {
      ownerId: "applicant-1",
      sha256: sha256(idCard),
      objectKey: `documents/applicant-1/${sha256(idCard)}/01JNZ8Y7M3Q4R5S6T7V8W9X000`,
      versionId: "winner",
      fileName: "first.pdf",
      contentType: "application/pdf",
      size: idCard.length,
      createdAt: mondayTen.toISOString(),
    };
    const app = await attachTo(draftX.id, sha256(idCard));
    expect(await registry.get("applicant-1", sha256(idCard))).toEqual(registry.raceWinner);
    expect(app.documents.idCard?.sha256).toBe(sha256(idCard));
  });
});
