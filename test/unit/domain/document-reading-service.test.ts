import { beforeEach, describe, expect, it } from "vitest";
import { problems } from "../../../shared/domain/errors";
import { documentDownload, listHeldDocuments } from "../../../shared/domain/services/document-reading";
import { attachUploadedDocument } from "../../../shared/domain/services/documents";
import type { DocumentRecord } from "../../../shared/ports/document-store";
import { FakeOfficerDirectory } from "../../support/fake-officer-directory";
import { FakeDocumentRegistry, FakeDocumentStore } from "./document-fakes";
import { catalog, FakeApplicationStore, FixedClock } from "./fakes";
import {
  applicant,
  applicationIn,
  attached,
  foreignOfficer,
  mondayTen,
  opdcAdmin,
  otherApplicant,
  sampleDocument,
} from "./fixtures";

const submitted = applicationIn("SUBMITTED", {
  id: "01JNZ8Y7M3Q4R5S6T7V8W9X0YA",
  documents: { idCard: attached("id card", mondayTen) },
});
const draft = applicationIn("DRAFT", { id: "01JNZ8Y7M3Q4R5S6T7V8W9X0YB", documents: {} });
const record = (seed: string, overrides: Partial<DocumentRecord> = {}): DocumentRecord => ({
  ownerId: applicant.userId,
  sha256: sampleDocument(seed).sha256,
  objectKey: `documents/${applicant.userId}/${sampleDocument(seed).sha256}/01JNZ8Y7M3Q4R5S6T7V8W9X0Y1`,
  versionId: "v7",
  fileName: `${seed}.pdf`,
  contentType: "application/pdf",
  size: 1024,
  createdAt: mondayTen.toISOString(),
  ...overrides,
});

let store: FakeApplicationStore;
let registry: FakeDocumentRegistry;
let documents: FakeDocumentStore;
let clock: FixedClock;
const deps = () => ({ store, registry, documents, clock, catalog, officers: new FakeOfficerDirectory() });

beforeEach(async () => {
  store = new FakeApplicationStore([submitted, draft]);
  registry = new FakeDocumentRegistry();
  documents = new FakeDocumentStore();
  clock = new FixedClock(mondayTen);
  await registry.put(record("id card", { documentKey: "idCard", licenseTypeId: submitted.licenseTypeId }));
});

describe("documentDownload", () => {
  it("writes the download to the history, then links the recorded version", async () => {
    const link = await documentDownload(deps(), opdcAdmin, submitted.id, "idCard");
    expect(link.url).toContain("?versionId=v7");
    expect(store.applied.map((a) => a.change.event)).toEqual([
      expect.objectContaining({
        action: "download-document",
        actor: { userId: opdcAdmin.userId, role: "opdc-admin" },
        fromStatus: "SUBMITTED",
        toStatus: "SUBMITTED",
        data: expect.objectContaining({ documentKey: "idCard", sha256: sampleDocument("id card").sha256 }),
      }),
    ]);
  });

  it("tries again on the fresh application when another change won the version, and gives up after three", async () => {
    store.applyFailures.push(problems.concurrentModification());
    await documentDownload(deps(), applicant, submitted.id, "idCard");
    expect(store.applied).toHaveLength(1);
    store.applyFailures.push(...[1, 2, 3].map(() => problems.concurrentModification()));
    await expect(documentDownload(deps(), applicant, submitted.id, "idCard")).rejects.toMatchObject({
      code: "CONCURRENT_MODIFICATION",
    });
  });

  it("answers 404 to strangers and for a key with nothing attached, and writes nothing", async () => {
    for (const stranger of [otherApplicant, foreignOfficer])
      await expect(documentDownload(deps(), stranger, submitted.id, "idCard")).rejects.toMatchObject({
        code: "APPLICATION_NOT_FOUND",
      });
    await expect(
      documentDownload(deps(), applicant, submitted.id, "houseRegistration"),
    ).rejects.toMatchObject({
      code: "DOCUMENT_NOT_ATTACHED",
    });
    expect(store.applied).toEqual([]);
  });
});

describe("attach by documentId and the held list", () => {
  it("attaches a held document without reading storage, and lists it as used by both applications", async () => {
    const app = await attachUploadedDocument(deps(), applicant, draft.id, "idCard", {
      documentId: sampleDocument("id card").sha256,
    });
    expect(app.documents.idCard).toMatchObject({
      sha256: sampleDocument("id card").sha256,
      fileName: "id card.pdf",
    });
    expect(documents.reads).toEqual([]);
    const list = await listHeldDocuments(deps(), applicant, { limit: 10 });
    expect(list.items[0]!.usedBy.map((u) => u.applicationId).sort()).toEqual([submitted.id, draft.id].sort());
    expect(list.items[0]!.kind).toMatchObject({ documentKey: "idCard", name: "บัตรประจำตัวประชาชน" });
  });

  it("refuses someone else's document as not found, and an expired certificate", async () => {
    await expect(
      attachUploadedDocument(deps(), otherApplicant, draft.id, "idCard", {
        documentId: sampleDocument("id card").sha256,
      }),
    ).rejects.toMatchObject({ code: "APPLICATION_NOT_FOUND" });
    await registry.put(
      record("medical", {
        documentKey: "medicalCertificates",
        licenseTypeId: draft.licenseTypeId,
        issuedOn: "2025-08-01",
      }),
    );
    await expect(
      attachUploadedDocument(deps(), applicant, draft.id, "medicalCertificates", {
        documentId: sampleDocument("medical").sha256,
      }),
    ).rejects.toMatchObject({
      code: "DOCUMENT_EXPIRED",
      extensions: { validUntil: "2026-01-31T17:00:00.000Z" },
    });
    await expect(
      attachUploadedDocument(deps(), applicant, draft.id, "idCard", { documentId: "f".repeat(64) }),
    ).rejects.toMatchObject({ code: "DOCUMENT_NOT_FOUND" });
  });

  it("pages the held documents with a cursor", async () => {
    await registry.put(record("second"));
    const first = await listHeldDocuments(deps(), applicant, { limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const next = await listHeldDocuments(deps(), applicant, { limit: 1, cursor: first.nextCursor! });
    expect(next.items.map((d) => d.id)).not.toEqual(first.items.map((d) => d.id));
    expect(next.nextCursor).toBeNull();
  });
});
