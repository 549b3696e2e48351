import { describe, expect, it } from "vitest";
import { ApplicationDeadlines } from "../../../shared/domain/application/deadlines";
import {
  attachDocument,
  createDraft,
  submit,
  updateDraft,
} from "../../../shared/domain/application/lifecycle";
import type { Application } from "../../../shared/domain/application/types";
import { completeFoodForm } from "../../support/api-client";
import {
  applicant,
  applicationIn,
  attached,
  domainErrorOf,
  fixDeadline,
  fixRequested,
  foodType,
  fridayEvening,
  hoursLater,
  mondayTen,
  requiredDocumentKeys,
  sampleDocument,
} from "./fixtures";

const deadlines = new ApplicationDeadlines();
const id = "01JNZ8Y7M3Q4R5S6T7V8W9X0YZ";

function draft(formData: Record<string, unknown> = { ...completeFoodForm }): Application {
  return createDraft({ id, licenseType: foodType, applicant, formData, now: mondayTen }).application;
}

function withDocuments(app: Application, keys: string[]): Application {
  return { ...app, documents: Object.fromEntries(keys.map((k) => [k, attached(k, mondayTen)])) };
}

describe("createDraft", () => {
  it("accepts a half-filled form and starts a DRAFT at version 1 with a create event", () => {
    const { application, event } = createDraft({
      id,
      licenseType: foodType,
      applicant,
      formData: { businessName: "ร้านครัวคลองด่าน" },
      now: mondayTen,
    });
    expect(application).toEqual({
      id,
      licenseTypeId: "food-premises-over-200sqm-klong-dan",
      manualVersion: foodType.manual.version,
      agencyId: "sao-khlong-dan",
      applicantId: "applicant-1",
      caseType: "new",
      status: "DRAFT",
      version: 1,
      createdAt: "2026-03-02T03:00:00.000Z",
      updatedAt: "2026-03-02T03:00:00.000Z",
      formData: { businessName: "ร้านครัวคลองด่าน" },
      documents: {},
    });
    expect(event).toEqual({
      applicationId: id,
      at: "2026-03-02T03:00:00.000Z",
      actor: { userId: "applicant-1", role: "applicant" },
      action: "create",
      fromStatus: null,
      toStatus: "DRAFT",
    });
  });

  it("rejects a field the license type does not have with INVALID_FORM_DATA", () => {
    const error = domainErrorOf(() => draft({ businessName: "ร้าน", shoeSize: 42 }));
    expect(error.code).toBe("INVALID_FORM_DATA");
    expect(error.kind).toBe("validation");
    expect(error.errors).toEqual([
      {
        path: "formData.shoeSize",
        message: expect.stringContaining("shoeSize"),
        messageTh: expect.stringContaining('ไม่รู้จักช่องข้อมูล "shoeSize"'),
      },
    ]);
  });

  it("rejects wrong types with the path of each offending field", () => {
    const error = domainErrorOf(() =>
      draft({ premisesAreaSqm: "350", foodHandlers: 2.5, operatorType: "company" }),
    );
    expect(error.code).toBe("INVALID_FORM_DATA");
    expect(error.errors?.map((e) => e.path).sort()).toEqual([
      "formData.foodHandlers",
      "formData.operatorType",
      "formData.premisesAreaSqm",
    ]);
  });
});

describe("updateDraft", () => {
  it("merges the new fields into the draft form and bumps the version", () => {
    const before = draft({ businessName: "ร้านเดิม" });
    const result = updateDraft(
      before,
      foodType,
      { premisesAreaSqm: 420 },
      applicant,
      hoursLater(mondayTen, 1),
    );
    expect(result.application.formData).toEqual({ businessName: "ร้านเดิม", premisesAreaSqm: 420 });
    expect(result.application.version).toBe(2);
    expect(result.expectedVersion).toBe(1);
    expect(result.application.updatedAt).toBe("2026-03-02T04:00:00.000Z");
    expect(result.event).toMatchObject({ action: "update-form", fromStatus: "DRAFT", toStatus: "DRAFT" });
  });

  it("is refused once the application is submitted", () => {
    const error = domainErrorOf(() =>
      updateDraft(applicationIn("SUBMITTED"), foodType, { phone: "0812345678" }, applicant, mondayTen),
    );
    expect(error.code).toBe("INVALID_STATUS_FOR_ACTION");
    expect(error.kind).toBe("conflict");
  });
});

describe("attachDocument", () => {
  it("attaches a document to a draft, stamped with the time and logged with its digest", () => {
    const doc = sampleDocument("id-card");
    const result = attachDocument(draft(), foodType, "idCard", doc, applicant, mondayTen);
    expect(result.application.documents.idCard).toEqual({ ...doc, attachedAt: "2026-03-02T03:00:00.000Z" });
    expect(result.event.data).toEqual({ documentKey: "idCard", sha256: doc.sha256 });
  });

  it("refuses a document key the manual does not list", () => {
    const error = domainErrorOf(() =>
      attachDocument(draft(), foodType, "passport", sampleDocument("p"), applicant, mondayTen),
    );
    expect(error.code).toBe("UNKNOWN_DOCUMENT_REQUIREMENT");
    expect(error.kind).toBe("validation");
  });

  it("refuses any document once submitted (DOCUMENTS_LOCKED)", () => {
    const error = domainErrorOf(() =>
      attachDocument(
        applicationIn("SUBMITTED"),
        foodType,
        "idCard",
        sampleDocument("x"),
        applicant,
        mondayTen,
      ),
    );
    expect(error.code).toBe("DOCUMENTS_LOCKED");
    expect(error.kind).toBe("conflict");
  });

  it("during a fix request accepts only the listed documents", () => {
    const app = fixRequested();
    const later = hoursLater(mondayTen, 48);
    const ok = attachDocument(app, foodType, "medicalCertificates", sampleDocument("new"), applicant, later);
    expect(ok.application.documents.medicalCertificates?.attachedAt).toBe("2026-03-04T03:00:00.000Z");
    const error = domainErrorOf(() =>
      attachDocument(app, foodType, "idCard", sampleDocument("id"), applicant, later),
    );
    expect(error.code).toBe("DOCUMENT_NOT_IN_FIX_REQUEST");
  });

  it("during a fix request refuses documents after the deadline (FIX_DEADLINE_PASSED)", () => {
    const app = fixRequested();
    const atDeadline = new Date(fixDeadline);
    expect(() =>
      attachDocument(app, foodType, "medicalCertificates", sampleDocument("a"), applicant, atDeadline),
    ).not.toThrow();
    const error = domainErrorOf(() =>
      attachDocument(
        app,
        foodType,
        "medicalCertificates",
        sampleDocument("b"),
        applicant,
        new Date(atDeadline.getTime() + 1),
      ),
    );
    expect(error.code).toBe("FIX_DEADLINE_PASSED");
    expect(error.kind).toBe("conflict");
  });
});

describe("submit", () => {
  it("lists exactly the required documents still missing", () => {
    const error = domainErrorOf(() =>
      submit(withDocuments(draft(), ["idCard"]), foodType, applicant, mondayTen, deadlines),
    );
    expect(error.code).toBe("MISSING_REQUIRED_DOCUMENTS");
    expect(error.kind).toBe("validation");
    expect(error.detail).toBe(
      "Missing: houseRegistration, juristicPersonCertificate, signatoryEvidence, otherLawLicenses, medicalCertificates",
    );
  });

  it("rejects premises of exactly 200 m², since the license covers premises over 200 m²", () => {
    const form200 = { ...completeFoodForm, premisesAreaSqm: 200 };
    // Refused as soon as it is typed into a draft, and again at submission of a stored form.
    expect(domainErrorOf(() => draft(form200)).errors?.map((e) => e.path)).toEqual([
      "formData.premisesAreaSqm",
    ]);
    const stored = withDocuments({ ...draft(), formData: form200 }, requiredDocumentKeys);
    const error = domainErrorOf(() => submit(stored, foodType, applicant, mondayTen, deadlines));
    expect(error.code).toBe("INVALID_FORM_DATA");
    expect(error.errors?.map((e) => e.path)).toEqual(["formData.premisesAreaSqm"]);
    const over = withDocuments(draft({ ...completeFoodForm, premisesAreaSqm: 200.5 }), requiredDocumentKeys);
    expect(submit(over, foodType, applicant, mondayTen, deadlines).application.status).toBe("SUBMITTED");
  });

  it("checks the full form on submit: a draft missing a required field is refused", () => {
    const { kind: _kind, ...withoutKind } = completeFoodForm;
    const app = withDocuments(draft(withoutKind), requiredDocumentKeys);
    const error = domainErrorOf(() => submit(app, foodType, applicant, mondayTen, deadlines));
    expect(error.errors?.map((e) => e.path)).toEqual(["formData.kind"]);
  });

  it("does not require the conditional power of attorney", () => {
    const app = withDocuments(draft(), requiredDocumentKeys);
    expect(app.documents.powerOfAttorney).toBeUndefined();
    expect(submit(app, foodType, applicant, mondayTen, deadlines).application.status).toBe("SUBMITTED");
  });

  it("moves DRAFT to SUBMITTED as version + 1, due after the manual's 15 min + 1 h check", () => {
    const app = withDocuments(draft(), requiredDocumentKeys);
    const { application, event, expectedVersion } = submit(app, foodType, applicant, mondayTen, deadlines);
    expect(application.submittedAt).toBe("2026-03-02T03:00:00.000Z");
    // 10:00 + 15 min + 1 h on office time = 11:15 Bangkok.
    expect(application.dueAt).toBe("2026-03-02T04:15:00.000Z");
    expect(Date.parse(application.dueAt!)).toBeGreaterThan(Date.parse(application.submittedAt!));
    expect(application.version).toBe(app.version + 1);
    expect(expectedVersion).toBe(app.version);
    expect(event).toMatchObject({ action: "submit", fromStatus: "DRAFT", toStatus: "SUBMITTED" });
    expect(application.awaiting).toEqual({ step: "completenessCheck", round: 1 });
  });

  it("counts a Friday-evening submission from Monday 08:30", () => {
    const app = withDocuments(draft(), requiredDocumentKeys);
    const { application } = submit(app, foodType, applicant, fridayEvening, deadlines);
    expect(application.dueAt).toBe("2026-03-09T02:45:00.000Z");
  });

  it("cannot submit twice", () => {
    const error = domainErrorOf(() =>
      submit(applicationIn("SUBMITTED"), foodType, applicant, mondayTen, deadlines),
    );
    expect(error.code).toBe("INVALID_STATUS_FOR_ACTION");
  });
});
