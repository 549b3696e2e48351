import { describe, expect, it } from "vitest";
import { apiRoutes } from "../../../functions/api/routes";
import { findLicenseType } from "../../../shared/catalog";
import { documentChecklist, requirementOf } from "../../../shared/domain/document-checklist";
import { applicationIn } from "./fixtures";

const food = findLicenseType("food-premises-over-200sqm-klong-dan")!;
const doc = (key: string) => food.manual.documents.find((d) => d.key === key)!;
const attached = (sha: string, attachedAt: string) => ({
  sha256: sha.repeat(64),
  fileName: "f.pdf",
  contentType: "application/pdf",
  size: 10,
  attachedAt,
});

describe("requirement of a listed document", () => {
  it("is required when the manual always asks for it", () => {
    expect(requirementOf(doc("idCard"), {})).toBe("required");
  });
  it("follows the manual's rule over the form's facts", () => {
    expect(requirementOf(doc("juristicPersonCertificate"), { operatorType: "juristicPerson" })).toBe(
      "required",
    );
    expect(requirementOf(doc("juristicPersonCertificate"), { operatorType: "naturalPerson" })).toBe(
      "notRequired",
    );
  });
  it("is conditional when it depends on what the form does not state (the manual's words say what)", () => {
    expect(requirementOf(doc("powerOfAttorney"), { operatorType: "juristicPerson" })).toBe("conditional");
    expect(doc("powerOfAttorney").condition).toBe("ในกรณีที่มีการมอบอำนาจ");
  });
});

describe("the checklist of an application", () => {
  it("lists every document of the license type in the manual's order, attached or missing", () => {
    const app = applicationIn("DRAFT", {
      formData: { operatorType: "naturalPerson" },
      documents: { idCard: attached("a", "2026-03-02T03:00:00.000Z") },
    });
    const items = documentChecklist(app, food);
    expect(items.map((i) => i.key)).toEqual(food.manual.documents.map((d) => d.key));
    expect(items.find((i) => i.key === "idCard")).toMatchObject({
      state: "attached",
      requirement: "required",
      attached: { documentId: "a".repeat(64), attachedAt: "2026-03-02T03:00:00.000Z" },
    });
    expect(items.find((i) => i.key === "juristicPersonCertificate")).toMatchObject({
      state: "missing",
      requirement: "notRequired",
      requiredWhen: { field: "operatorType", equals: "juristicPerson" },
    });
    expect(items.find((i) => i.key === "powerOfAttorney")).toMatchObject({
      condition: "ในกรณีที่มีการมอบอำนาจ",
      requirement: "conditional",
    });
  });

  it("shows a document the open fix request asks for again until it is attached anew", () => {
    const fixRequest = {
      items: [{ documentKey: "medicalCertificates", reason: "หมดอายุ" }],
      deadline: "2026-03-20T09:30:00.000Z",
      requestedBy: "officer-1",
      requestedAt: "2026-03-05T03:00:00.000Z",
    };
    const before = applicationIn("FIX_REQUESTED", {
      fixRequest,
      documents: { medicalCertificates: attached("b", "2026-03-02T03:00:00.000Z") },
    });
    expect(documentChecklist(before, food).find((i) => i.key === "medicalCertificates")).toMatchObject({
      state: "requestedAgain",
      fixRequest: { reason: "หมดอายุ", deadline: fixRequest.deadline },
      attached: { documentId: "b".repeat(64) },
    });
    const after = {
      ...before,
      documents: { medicalCertificates: attached("c", "2026-03-06T03:00:00.000Z") },
    };
    expect(documentChecklist(after, food).find((i) => i.key === "medicalCertificates")).toMatchObject({
      state: "attached",
      fixRequest: { reason: "หมดอายุ" },
    });
    // Once the fix is handed in the request is no longer open.
    const checked = { ...before, status: "SUBMITTED" as const };
    expect(documentChecklist(checked, food).find((i) => i.key === "medicalCertificates")).toMatchObject({
      state: "attached",
    });
  });
});

describe("nothing deletes a document", () => {
  it("has no route that deletes (so nothing an application refers to can go)", () => {
    expect(apiRoutes.filter((r) => r.method === "DELETE")).toEqual([]);
  });
});
