import { createHash } from "node:crypto";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalStack, localBucketName, startLocalStack } from "../../infra/local/local-stack";
import { findLicenseType } from "../../shared/catalog";
import {
  ApiClient,
  completeFoodForm,
  foodLicenseTypeId,
  postToUploadLink,
  samplePdf,
} from "../support/api-client";
import { sampleForm, submitApplication } from "../support/license-driver";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const wangHinFood = "food-premises-over-200sqm-wang-hin";

interface HeldDocument {
  id: string;
  kind: { documentKey: string; name: string | null } | null;
  sha256: string;
  size: number;
  validUntil: string | null;
  usedBy: { applicationId: string; licenseTypeId: string; documentKey: string }[];
}
interface ChecklistItem {
  key: string;
  requirement: string;
  state: string;
  attached?: { documentId: string };
  fixRequest?: { reason: string };
}

/** A GET that does not follow redirects, with the user's token (the client follows them). */
async function rawGet(baseUrl: string, username: string, path: string) {
  const res = await fetch(`${baseUrl}/local/token`, { method: "POST", body: JSON.stringify({ username }) });
  const { id_token } = (await res.json()) as { id_token: string };
  return fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${id_token}` }, redirect: "manual" });
}

/**
 * Issue 16 (3, 4) over HTTP on the local stack: a document is uploaded once and attached to
 * applications of two agencies by its id; the checklist; an officer reads it and the history says so;
 * strangers get 404; an expired document is refused.
 */
describe("documents kept once, and officers who can read them", () => {
  let stack: LocalStack;
  let applicant: ApiClient;
  let officer: ApiClient;
  const ids = { a: "", b: "" };
  let certificate: Buffer;

  beforeAll(async () => {
    stack = await startLocalStack({ port: 0 });
    applicant = await ApiClient.signIn(stack.url, "applicant");
    officer = await ApiClient.signIn(stack.url, "officer");
    // A: อบต.คลองด่าน, every required document uploaded (a company: its registration among them).
    const a = await submitApplication({ applicant, officer }, foodLicenseTypeId, completeFoodForm);
    expect(a.submitted.status).toBe(200);
    ids.a = a.id;
    certificate = samplePdf(`${a.id}-juristicPersonCertificate`);
    // B: อบต.วังหิน, another agency's license type; nothing uploaded for it.
    const b = await applicant.post("/applications", {
      licenseTypeId: wangHinFood,
      formData: sampleForm(findLicenseType(wangHinFood)!, { operatorType: "juristicPerson" }),
    });
    expect(b.status).toBe(201);
    ids.b = String(b.body.id);
  });
  afterAll(() => stack?.stop());

  const heldDocuments = async (client: ApiClient) => {
    const res = await client.get<{ items: HeldDocument[]; nextCursor: string | null }>(
      "/documents?limit=100",
    );
    expect(res.status).toBe(200);
    return res.body.items;
  };

  it("attaches a document the applicant holds to another agency's application by its id, without uploading", async () => {
    const held = (await heldDocuments(applicant)).find((d) => d.sha256 === sha256(certificate))!;
    expect(held.kind).toMatchObject({ documentKey: "juristicPersonCertificate", name: "หนังสือรับรองนิติบุคคล" });
    const objectsBefore = await stack.clients.s3.send(new ListObjectsV2Command({ Bucket: localBucketName }));
    const attached = await applicant.request(
      "PUT",
      `/applications/${ids.b}/documents/juristicPersonCertificate`,
      {
        documentId: held.id,
      },
    );
    expect(attached.status).toBe(200);
    expect(attached.body.documents).toMatchObject({
      juristicPersonCertificate: { sha256: sha256(certificate), size: certificate.length },
    });
    // Stored once: attaching wrote no object.
    const objectsAfter = await stack.clients.s3.send(new ListObjectsV2Command({ Bucket: localBucketName }));
    expect(objectsAfter.KeyCount).toBe(objectsBefore.KeyCount);

    const again = (await heldDocuments(applicant)).find((d) => d.id === held.id)!;
    expect(again.usedBy).toEqual(
      expect.arrayContaining([
        { applicationId: ids.a, licenseTypeId: foodLicenseTypeId, documentKey: "juristicPersonCertificate" },
        { applicationId: ids.b, licenseTypeId: wangHinFood, documentKey: "juristicPersonCertificate" },
      ]),
    );
    expect(again.usedBy).toHaveLength(2);
  });

  it("refuses a key the license type does not list, and an application that no longer takes documents", async () => {
    const held = (await heldDocuments(applicant)).find((d) => d.sha256 === sha256(certificate))!;
    const unlisted = await applicant.request("PUT", `/applications/${ids.b}/documents/idCard`, {
      documentId: held.id,
    });
    expect(unlisted).toMatchObject({ status: 400, body: { code: "UNKNOWN_DOCUMENT_REQUIREMENT" } });
    // A is submitted and waits at the completeness check: its documents are locked.
    const locked = await applicant.request("PUT", `/applications/${ids.a}/documents/powerOfAttorney`, {
      documentId: held.id,
    });
    expect(locked).toMatchObject({ status: 409, body: { code: "DOCUMENTS_LOCKED" } });
    const unknown = await applicant.request("PUT", `/applications/${ids.b}/documents/powerOfAttorney`, {
      documentId: "0".repeat(64),
    });
    expect(unknown).toMatchObject({ status: 404, body: { code: "DOCUMENT_NOT_FOUND" } });
  });

  it("lists each document of the license type with its requirement and state, and what a fix request asks again", async () => {
    const b = await applicant.get<{ items: ChecklistItem[] }>(`/applications/${ids.b}/documents`);
    expect(b.status).toBe(200);
    const byKey = Object.fromEntries(b.body.items.map((i) => [i.key, i]));
    expect(byKey.juristicPersonCertificate).toMatchObject({ requirement: "required", state: "attached" });
    expect(byKey.buildingUseEvidence).toMatchObject({ requirement: "required", state: "missing" });
    expect(byKey.powerOfAttorney).toMatchObject({ requirement: "conditional", state: "missing" });

    const fix = await officer.post(`/officer/applications/${ids.a}/actions`, {
      action: "request-fix",
      items: [{ documentKey: "medicalCertificates", reason: "ใบรับรองแพทย์หมดอายุ" }],
      deadline: new Date(stack.clock.now().getTime() + 7 * 86_400_000).toISOString(),
    });
    expect(fix.status).toBe(200);
    const a = await officer.get<{ items: ChecklistItem[] }>(`/applications/${ids.a}/documents`);
    expect(a.status).toBe(200);
    const aByKey = Object.fromEntries(a.body.items.map((i) => [i.key, i]));
    expect(aByKey.medicalCertificates).toMatchObject({
      state: "requestedAgain",
      fixRequest: { reason: "ใบรับรองแพทย์หมดอายุ" },
    });
    expect(aByKey.idCard).toMatchObject({ requirement: "required", state: "attached" });
  });

  it("lets an officer of A's agency download exactly the verified bytes, and writes the download to the history", async () => {
    const res = await rawGet(
      stack.url,
      "officer",
      `/applications/${ids.a}/documents/juristicPersonCertificate/content`,
    );
    expect(res.status).toBe(302);
    const location = res.headers.get("location")!;
    expect(location).toContain("X-Amz-Signature=");
    expect(location).toContain("X-Amz-Expires=300");
    const bytes = Buffer.from(await (await fetch(location)).arrayBuffer());
    expect(sha256(bytes)).toBe(sha256(certificate));

    const history = await applicant.get<{
      items: { action: string; actor: { role: string }; data?: unknown }[];
    }>(`/applications/${ids.a}/history`);
    expect(history.body.items.filter((e) => e.action === "download-document")).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ role: "officer" }),
        data: expect.objectContaining({
          documentKey: "juristicPersonCertificate",
          sha256: sha256(certificate),
        }),
      }),
    ]);
  });

  it("answers 404 to another applicant and to an officer of another agency, on the checklist and the content", async () => {
    for (const stranger of ["applicant2", "officer-other"]) {
      const client = await ApiClient.signIn(stack.url, stranger);
      const checklist = await client.get(`/applications/${ids.a}/documents`);
      expect(checklist.status, stranger).toBe(404);
      const content = await rawGet(stack.url, stranger, `/applications/${ids.a}/documents/idCard/content`);
      expect(content.status, stranger).toBe(404);
    }
    const other = await ApiClient.signIn(stack.url, "applicant2");
    expect((await heldDocuments(other)).map((d) => d.sha256)).not.toContain(sha256(certificate));
    const own = await other.post("/applications", { licenseTypeId: foodLicenseTypeId, formData: {} });
    const borrowed = await other.request(
      "PUT",
      `/applications/${own.body.id}/documents/juristicPersonCertificate`,
      {
        documentId: sha256(certificate),
      },
    );
    expect(borrowed).toMatchObject({ status: 404, body: { code: "DOCUMENT_NOT_FOUND" } });
    // The officer of อบต.วังหิน may read B, which holds the same document.
    const wangHin = await rawGet(
      stack.url,
      "officer-other",
      `/applications/${ids.b}/documents/juristicPersonCertificate/content`,
    );
    expect(wangHin.status).toBe(302);
  });

  it("keeps a medical certificate issued seven months ago but refuses to attach it, by upload or by id", async () => {
    const draft = await applicant.post("/applications", { licenseTypeId: foodLicenseTypeId, formData: {} });
    const id = String(draft.body.id);
    const old = samplePdf(`${id}-old-medical-certificate`);
    const presigned = await applicant.presignDocument(id, {
      documentKey: "medicalCertificates",
      fileName: "medical.pdf",
      contentType: "application/pdf",
      size: old.length,
      sha256: sha256(old),
    });
    expect((await postToUploadLink(presigned.body.upload, old)).status).toBe(204);
    const issued = new Date(stack.clock.now().getTime() - 7 * 31 * 86_400_000).toISOString().slice(0, 10);
    const upload = await applicant.request("PUT", `/applications/${id}/documents/medicalCertificates`, {
      sha256: sha256(old),
      fileName: "medical.pdf",
      uploadId: presigned.body.uploadId,
      issuedOn: issued,
    });
    expect(upload).toMatchObject({ status: 400, body: { code: "DOCUMENT_EXPIRED" } });
    expect(String((upload.body as Record<string, unknown>).titleTh)).toMatch(/หมดอายุ/);

    const held = (await heldDocuments(applicant)).find((d) => d.sha256 === sha256(old))!;
    expect(held.validUntil).not.toBeNull();
    expect(new Date(held.validUntil!).getTime()).toBeLessThan(stack.clock.now().getTime());
    expect(held.usedBy).toEqual([]);
    const byId = await applicant.request("PUT", `/applications/${id}/documents/medicalCertificates`, {
      documentId: held.id,
    });
    expect(byId).toMatchObject({ status: 400, body: { code: "DOCUMENT_EXPIRED" } });
    const app = await applicant.get<{ documents: Record<string, unknown> }>(`/applications/${id}`);
    expect(app.body.documents).toEqual({});
  });

  it("attaches different documents to one application at the same moment without a conflict", async () => {
    const draft = await applicant.post("/applications", {
      licenseTypeId: foodLicenseTypeId,
      formData: completeFoodForm,
    });
    const id = String(draft.body.id);
    const keys = [
      "idCard",
      "houseRegistration",
      "juristicPersonCertificate",
      "signatoryEvidence",
      "otherLawLicenses",
    ];
    const results = await Promise.all(
      keys.map((key) => applicant.uploadDocument(id, key, samplePdf(`${id}-${key}`))),
    );
    expect(results.map((r) => r.status)).toEqual(keys.map(() => 200));
    const app = await applicant.get<{ documents: Record<string, { sha256: string }>; version: number }>(
      `/applications/${id}`,
    );
    expect(Object.keys(app.body.documents).sort()).toEqual([...keys].sort());
    for (const key of keys) expect(app.body.documents[key]!.sha256).toBe(sha256(samplePdf(`${id}-${key}`)));
    const history = await applicant.get<{ items: { action: string }[] }>(`/applications/${id}/history`);
    expect(history.body.items.filter((e) => e.action === "attach-document")).toHaveLength(keys.length);
    // The version still advances with each attach, so a change computed before them conflicts.
    expect(app.body.version).toBe(1 + keys.length);
  });

  it("lets one of two attaches of the same key at once win, and the other is told to reload", async () => {
    const draft = await applicant.post("/applications", { licenseTypeId: foodLicenseTypeId, formData: {} });
    const id = String(draft.body.id);
    const tries = ["first", "second", "third"].map((seed) => samplePdf(`${id}-${seed}`));
    const results = await Promise.all(tries.map((bytes) => applicant.uploadDocument(id, "idCard", bytes)));
    const statuses = results.map((r) => r.status);
    expect(statuses).toContain(200);
    for (const r of results.filter((r) => r.status !== 200))
      expect(r).toMatchObject({ status: 409, body: { code: "CONCURRENT_MODIFICATION" } });
    const app = await applicant.get<{ documents: Record<string, { sha256: string }> }>(`/applications/${id}`);
    expect(tries.map(sha256)).toContain(app.body.documents.idCard!.sha256);
  });

  it("pages GET /documents by cursor and refuses an altered cursor", async () => {
    const all = await heldDocuments(applicant);
    expect(all.length).toBeGreaterThan(2);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/documents?limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page = await applicant.get<{ items: HeldDocument[]; nextCursor: string | null }>(path);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((d) => d.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((d) => d.id));
    const altered = await applicant.get("/documents?cursor=bm90LWEtZGlnZXN0");
    expect(altered).toMatchObject({ status: 400, body: { code: "INVALID_CURSOR" } });
  });
});
