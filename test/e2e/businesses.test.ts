import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalStack, startLocalStack } from "../../infra/local/local-stack";
import { findLicenseType } from "../../shared/catalog";
import { documentsRequiredToSubmit } from "../../shared/catalog/fact-condition";
import { ApiClient, samplePdf } from "../support/api-client";
import { sampleBusiness } from "../support/request-samples";

const klongDan = "food-premises-over-200sqm-klong-dan";
const wangHin = "food-premises-over-200sqm-wang-hin";

type Created = {
  businessId: string;
  applications: {
    id: string;
    licenseTypeId: string;
    agencyId: string;
    status: string;
    missingToSubmit: { fields: string[]; documents: string[] };
  }[];
};
type Tracked = {
  version: number;
  applications: {
    id: string;
    licenseTypeId: string;
    agencyId: string;
    status: string;
    nextStep: unknown;
    dueAt: string | null;
    feeDueTHB: number | null;
  }[];
  licenses: unknown[];
};

/** Issue 16 over HTTP: one business, one form for two licenses of two agencies, Smart Track. */
describe("businesses: one profile, one form for many licenses, Smart Track", () => {
  let stack: LocalStack;
  let applicant: ApiClient;
  let other: ApiClient;
  let businessId: string;
  let created: Created;
  const answers = { kind: "foodSale", foodHandlers: 12, managerName: "นางสาวสมศรี ใจดี" };

  beforeAll(async () => {
    stack = await startLocalStack({ port: 0 });
    applicant = await ApiClient.signIn(stack.url, "applicant");
    other = await ApiClient.signIn(stack.url, "applicant2");
  });
  afterAll(() => stack?.stop());

  const applicationCount = async () =>
    (await applicant.get<Tracked>(`/businesses/${businessId}`)).body.applications.length;

  it("creates a business whose operator ID passes its check digit, and lists it", async () => {
    const res = await applicant.post("/businesses", sampleBusiness);
    expect(res.status).toBe(201);
    businessId = String(res.body.id);
    expect(res.body).toMatchObject({
      version: 1,
      businessName: "ครัวคลองด่าน",
      facts: { premisesAreaSqm: 350 },
    });
    const mine = await applicant.get<{ items: { id: string }[] }>("/businesses");
    expect(mine.body.items.map((b) => b.id)).toContain(businessId);
    expect((await other.get<{ items: unknown[] }>("/businesses")).body.items).toEqual([]);

    const badCheckDigit = await applicant.post("/businesses", {
      ...sampleBusiness,
      operator: { ...sampleBusiness.operator, idNumber: "0105536092642" },
    });
    expect(badCheckDigit.status).toBe(400);
    expect(badCheckDigit.body).toMatchObject({ code: "INVALID_OPERATOR_ID" });
    expect(String(badCheckDigit.body.titleTh)).toMatch(/[ก-๙]/);
    const unaskedFact = await applicant.post("/businesses", {
      ...sampleBusiness,
      facts: { swimmingPool: true },
    });
    expect(unaskedFact.status).toBe(400);
    expect((await applicant.get<{ items: unknown[] }>("/businesses")).body.items).toHaveLength(1);
  });

  it("applies for two licenses of two agencies with one answer set: both drafts prefilled", async () => {
    const res = await applicant.request<Created>(
      "POST",
      `/businesses/${businessId}/applications`,
      { licenseTypeIds: [klongDan, wangHin], answers },
      undefined,
      "apply-two-licenses-1",
    );
    expect(res.status).toBe(201);
    created = res.body;
    expect(created.applications.map((a) => [a.licenseTypeId, a.agencyId, a.status])).toEqual([
      [klongDan, "sao-khlong-dan", "DRAFT"],
      [wangHin, "sao-wang-hin", "DRAFT"],
    ]);
    expect(created.applications[0]!.missingToSubmit.fields).toEqual([]);
    expect(created.applications[0]!.missingToSubmit.documents.length).toBeGreaterThan(0);
    const [first, second] = await Promise.all(
      created.applications.map((a) => applicant.get(`/applications/${a.id}`)),
    );
    expect(first!.body).toMatchObject({
      businessId,
      formData: {
        businessName: "ครัวคลองด่าน",
        operatorType: "juristicPerson",
        premisesAddress: sampleBusiness.premisesAddress,
        premisesAreaSqm: 350,
        kind: "foodSale",
        foodHandlers: 12,
        phone: "021234567",
      },
    });
    expect(second!.body).toMatchObject({
      businessId,
      formData: { businessName: "ครัวคลองด่าน", kind: "foodSale", managerName: answers.managerName },
    });
    expect(second!.body.formData).not.toHaveProperty("foodHandlers");
  });

  it("a retried request with the same Idempotency-Key creates nothing new", async () => {
    const again = await applicant.request<Created>(
      "POST",
      `/businesses/${businessId}/applications`,
      { licenseTypeIds: [klongDan, wangHin], answers },
      undefined,
      "apply-two-licenses-1",
    );
    expect(again.status).toBe(201);
    expect(again.body.applications.map((a) => a.id)).toEqual(created.applications.map((a) => a.id));
    expect(await applicationCount()).toBe(2);
  });

  it("invalid input is refused with 400 and creates nothing (no half-created set)", async () => {
    const apply = (body: unknown) => applicant.post(`/businesses/${businessId}/applications`, body);
    const unknownType = await apply({ licenseTypeIds: [klongDan, "no-such-license"], answers });
    expect(unknownType.status).toBe(400);
    expect(unknownType.body).toMatchObject({ code: "LICENSE_TYPES_NOT_APPLICABLE" });
    const renewal = await apply({
      licenseTypeIds: [klongDan, "food-premises-over-200sqm-renewal-klong-dan"],
    });
    expect(renewal.status).toBe(400);
    // Valid for one form, invalid for the other's rules: neither is created.
    const wrongAnswer = await apply({ licenseTypeIds: [klongDan, wangHin], answers: { kind: "casino" } });
    expect(wrongAnswer.status).toBe(400);
    expect(wrongAnswer.body).toMatchObject({ code: "INVALID_FORM_DATA" });
    const unasked = await apply({ licenseTypeIds: [klongDan], answers: { signText: "ร้าน" } });
    expect(unasked.status).toBe(400);
    expect(await applicationCount()).toBe(2);
    const mine = await applicant.get<{ items: { id: string }[] }>("/applications?limit=100");
    expect(mine.body.items).toHaveLength(2);
  });

  it("Smart Track: one submitted, one draft, each with its status and next step", async () => {
    const id = created.applications[0]!.id;
    const licenseType = findLicenseType(klongDan)!;
    const formData = (await applicant.get(`/applications/${id}`)).body.formData as Record<string, unknown>;
    for (const doc of documentsRequiredToSubmit(licenseType, formData)) {
      const res = await applicant.uploadDocument(id, doc.key, samplePdf(`biz-${doc.key}`));
      expect(res.status).toBe(200);
    }
    expect((await applicant.post(`/applications/${id}/submit`)).status).toBe(200);
    await applicant.waitForStep(id, "completenessCheck");

    const track = await applicant.get<Tracked>(`/businesses/${businessId}`);
    expect(track.status).toBe(200);
    const [submitted, draft] = track.body.applications;
    expect(submitted).toMatchObject({
      id,
      licenseTypeId: klongDan,
      agencyId: "sao-khlong-dan",
      status: "SUBMITTED",
      nextStep: { by: "agency", step: "completenessCheck" },
      feeDueTHB: null,
    });
    expect(submitted!.dueAt).toEqual(expect.any(String));
    expect(draft).toMatchObject({
      licenseTypeId: wangHin,
      agencyId: "sao-wang-hin",
      status: "DRAFT",
      nextStep: { by: "applicant", step: "submit" },
    });
    expect(track.body.licenses).toEqual([]);
  });

  it("another applicant gets 404 on the business and on its routes", async () => {
    for (const res of [
      await other.get(`/businesses/${businessId}`),
      await other.request("PATCH", `/businesses/${businessId}`, { businessName: "ของฉัน" }),
      await other.post(`/businesses/${businessId}/applications`, { licenseTypeIds: [klongDan] }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: "BUSINESS_NOT_FOUND" });
    }
    expect(await applicationCount()).toBe(2);
  });

  it("edits are versioned: a stale version is 409 and changes nothing", async () => {
    const ok = await applicant.request("PATCH", `/businesses/${businessId}`, {
      version: 1,
      facts: { foodHandlers: 14, premisesAreaSqm: null },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ version: 2, facts: { foodHandlers: 14 } });
    expect(ok.body.facts).not.toHaveProperty("premisesAreaSqm");
    const stale = await applicant.request("PATCH", `/businesses/${businessId}`, {
      version: 1,
      businessName: "ชื่อเก่า",
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: "CONCURRENT_MODIFICATION" });
    const after = await applicant.get<Tracked & { businessName: string }>(`/businesses/${businessId}`);
    expect(after.body).toMatchObject({ version: 2, businessName: "ครัวคลองด่าน" });
  });
});
