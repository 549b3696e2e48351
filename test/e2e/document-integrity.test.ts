import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalStack, startLocalStack } from "../../infra/local/local-stack";
import { documentRegistry } from "../../shared/adapters/providers/application-store";
import { documentStore } from "../../shared/adapters/providers/document-store";
import { findLicenseType } from "../../shared/catalog";
import { documentsRequiredToSubmit } from "../../shared/catalog/fact-condition";
import type { DocumentRecord } from "../../shared/ports/document-store";
import {
  ApiClient,
  completeFoodForm,
  foodLicenseTypeId,
  type PresignAnswer,
  postToUploadLink,
  samplePdf,
} from "../support/api-client";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const maxBytes = 10 * 1024 * 1024;

type App = {
  id: string;
  applicantId: string;
  status: string;
  documents: Record<string, { sha256: string; size: number }>;
};

/**
 * Issue 13 over HTTP on the local stack. s3rver checks no POST policy (it stores whatever a form
 * sends), so everything here holds by the API's own checks, as it must for any storage.
 */
describe("documents over HTTP: verified bytes are immutable, uploads match their declaration", () => {
  let stack: LocalStack;
  let applicant: ApiClient;

  beforeAll(async () => {
    stack = await startLocalStack({ port: 0 });
    applicant = await ApiClient.signIn(stack.url, "applicant");
  });
  afterAll(() => stack?.stop());

  const newDraft = async (formData: Record<string, unknown> = {}) => {
    const created = await applicant.post("/applications", { licenseTypeId: foodLicenseTypeId, formData });
    expect(created.status).toBe(201);
    return String(created.body.id);
  };
  const presign = async (
    id: string,
    bytes: Buffer,
    declared: Partial<{ size: number; sha256: string; contentType: string }> = {},
  ) => {
    const res = await applicant.presignDocument(id, {
      documentKey: "idCard",
      fileName: "id.pdf",
      contentType: "application/pdf",
      size: bytes.length,
      sha256: sha256(bytes),
      ...declared,
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const attach = (id: string, body: { sha256: string; uploadId?: string }) =>
    applicant.request("PUT", `/applications/${id}/documents/idCard`, { fileName: "id.pdf", ...body });
  /** The bytes a record refers to, read back from the bucket through the document store. */
  const bytesOf = async (record: DocumentRecord) => {
    const stored = await documentStore().inspect(record.objectKey, {
      maxBytes,
      ...(record.versionId ? { versionId: record.versionId } : {}),
    });
    return stored?.content?.bytes ? Buffer.from(stored.content.bytes) : undefined;
  };

  it("keeps the bytes a submitted application refers to when its owner presigns the same digest and posts other bytes", async () => {
    // Application X: idCard uploaded by hand (its upload link kept for a replay), the rest as usual.
    const x = await newDraft(completeFoodForm);
    const idCard = samplePdf("the real id card");
    const xLink = await presign(x, idCard);
    expect((await postToUploadLink(xLink.upload, idCard)).status).toBe(204);
    expect((await attach(x, { sha256: sha256(idCard) })).status).toBe(200);
    const licenseType = findLicenseType(foodLicenseTypeId)!;
    for (const doc of documentsRequiredToSubmit(licenseType, completeFoodForm).filter(
      (d) => d.key !== "idCard",
    ))
      expect((await applicant.uploadDocument(x, doc.key, samplePdf(`${x}-${doc.key}`))).status).toBe(200);
    expect((await applicant.post(`/applications/${x}/submit`)).status).toBe(200);
    const submitted = (await applicant.get<App>(`/applications/${x}`)).body;
    const s = submitted.documents.idCard!.sha256;
    expect(s).toBe(sha256(idCard));
    const record = (await documentRegistry().get(submitted.applicantId, s))!;
    expect(record.objectKey).toMatch(new RegExp(`^documents/${submitted.applicantId}/${s}/`));
    expect(await bytesOf(record)).toEqual(idCard);

    // The attack: a new draft, a new link for digest S, other bytes posted to it. Storage takes them…
    const y = await newDraft();
    const forged = samplePdf("forged bytes under the same digest");
    const yLink = await presign(y, forged, { sha256: s });
    expect(yLink.objectKey).toMatch(new RegExp(`^uploads/${submitted.applicantId}/${yLink.uploadId}$`));
    expect(yLink.upload.fields.key).toBe(yLink.objectKey);
    expect(yLink.objectKey).not.toBe(record.objectKey);
    expect((await postToUploadLink(yLink.upload, forged)).status).toBe(204);
    // …and X's link, replayed within its 15 minutes, is taken too.
    expect((await postToUploadLink(xLink.upload, forged)).status).toBe(204);

    // …but none of it reached the bytes X refers to.
    expect(await documentRegistry().get(submitted.applicantId, s)).toEqual(record);
    expect(await bytesOf(record)).toEqual(idCard);
    expect(sha256((await bytesOf(record))!)).toBe(s);
    expect((await applicant.get<App>(`/applications/${x}`)).body.documents.idCard).toEqual(
      submitted.documents.idCard,
    );

    // Attaching S to Y reuses the verified record: Y refers to the same immutable bytes, not the forgery.
    const reused = await attach(y, { sha256: s });
    expect(reused.status).toBe(200);
    expect((reused.body as unknown as App).documents.idCard).toMatchObject({
      sha256: s,
      size: idCard.length,
    });
    expect(await documentRegistry().get(submitted.applicantId, s)).toEqual(record);
    expect(await bytesOf(record)).toEqual(idCard);

    // The forged bytes themselves were never declared, so they cannot be attached by their own digest.
    const forgedAttach = await attach(y, { sha256: sha256(forged) });
    expect(forgedAttach.status).toBe(400);
    expect(forgedAttach.body.code).toBe("DOCUMENT_NOT_ACCEPTED");
    expect(await documentRegistry().get(submitted.applicantId, sha256(forged))).toBeUndefined();
  });

  it("refuses 5 KB posted against a 50-byte declaration with DOCUMENT_SIZE_MISMATCH and attaches nothing", async () => {
    const id = await newDraft();
    const big = Buffer.concat([samplePdf("five kilobytes"), Buffer.alloc(5 * 1024, 0x20)]);
    const link = await presign(id, big, { size: 50 });
    expect((await postToUploadLink(link.upload, big)).status).toBe(204);
    const res = await attach(id, { sha256: sha256(big), uploadId: link.uploadId });
    expect(res.status).toBe(400);
    expect(res.contentType).toContain("application/problem+json");
    expect(res.body).toMatchObject({
      code: "DOCUMENT_SIZE_MISMATCH",
      title: "The uploaded file's size differs from the size declared",
      detail: `Declared 50 bytes, uploaded ${big.length} bytes`,
    });
    expect(String(res.body.titleTh)).toMatch(/[ก-๙]/);
    expect((await applicant.get<App>(`/applications/${id}`)).body.documents).toEqual({});
  });

  it("refuses HTML declared as application/pdf with DOCUMENT_TYPE_MISMATCH and attaches nothing", async () => {
    const id = await newDraft();
    const html = Buffer.from("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");
    const link = await presign(id, html);
    expect((await postToUploadLink(link.upload, html, "application/pdf", "id.pdf")).status).toBe(204);
    const res = await attach(id, { sha256: sha256(html) });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: "DOCUMENT_TYPE_MISMATCH",
      title: "The file's content is not of the declared type",
      detail: "Declared application/pdf, found unrecognised content",
    });
    expect(String(res.body.titleTh)).toMatch(/[ก-๙]/);
    expect((await applicant.get<App>(`/applications/${id}`)).body.documents).toEqual({});
    expect(
      await documentRegistry().get(
        (await applicant.get<App>(`/applications/${id}`)).body.applicantId,
        sha256(html),
      ),
    ).toBeUndefined();
  });

  it("attaches a real PNG declared as image/png, by the upload id the presign answer gave", async () => {
    const id = await newDraft();
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex");
    const link: PresignAnswer = await presign(id, png, { contentType: "image/png" });
    expect((await postToUploadLink(link.upload, png, "image/png", "id.png")).status).toBe(204);
    const res = await attach(id, { sha256: sha256(png), uploadId: link.uploadId });
    expect(res.status).toBe(200);
    expect((res.body as unknown as App).documents.idCard).toMatchObject({
      sha256: sha256(png),
      size: png.length,
    });
  });

  it("describes the optional uploadId of attach in the OpenAPI document (old clients send none)", async () => {
    type Shape = { required?: string[]; properties?: Record<string, { pattern?: string }> };
    type Schema = { anyOf?: Shape[]; oneOf?: Shape[] };
    const doc = await applicant.get<{
      paths: Record<string, Record<string, { requestBody: { content: Record<string, { schema: Schema }> } }>>;
    }>("/openapi.json");
    const attachBody =
      doc.body.paths["/applications/{id}/documents/{documentKey}"]!.put!.requestBody.content[
        "application/json"
      ]!.schema;
    // Issue 16: attach takes an upload's digest, or a held document's id (documents-once.test.ts).
    const byUpload = (attachBody.anyOf ?? attachBody.oneOf ?? []).find((s) => s.properties?.sha256)!;
    expect(byUpload.required?.sort()).toEqual(["fileName", "sha256"]);
    expect(byUpload.properties?.uploadId?.pattern).toBeDefined();
  });
});
