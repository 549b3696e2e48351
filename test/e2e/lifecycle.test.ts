import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalStack, startLocalStack } from "../../infra/local/local-stack";
import { findLicenseType } from "../../shared/catalog";
import { documentsRequiredToSubmit } from "../../shared/catalog/fact-condition";
import { ApiClient, completeFoodForm, foodLicenseTypeId, samplePdf } from "../support/api-client";

/**
 * The walking skeleton end to end: HTTP → handlers → DynamoDB Local / s3rver → the deployed ASL on
 * aws-local-stepfunctions → notifications, with the fix path, and nothing mocked.
 */
describe("food premises license (004), whole lifecycle over HTTP", () => {
  let stack: LocalStack;
  let applicant: ApiClient;
  let officer: ApiClient;
  let id: string;
  const licenseType = findLicenseType(foodLicenseTypeId)!;
  const requiredKeys = documentsRequiredToSubmit(licenseType, completeFoodForm).map((d) => d.key);

  beforeAll(async () => {
    stack = await startLocalStack({ port: 0 });
    applicant = await ApiClient.signIn(stack.url, "applicant");
    officer = await ApiClient.signIn(stack.url, "officer");
  });
  afterAll(() => stack?.stop());

  it("creates a draft, fills the form and uploads every required document once", async () => {
    const created = await applicant.post("/applications", {
      licenseTypeId: foodLicenseTypeId,
      formData: { businessName: completeFoodForm.businessName },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: "DRAFT",
      manualVersion: licenseType.manual.version,
      agencyId: "sao-khlong-dan",
    });
    id = String(created.body.id);

    const early = await applicant.post(`/applications/${id}/submit`);
    expect(early.status).toBe(400);
    expect(early.body.code).toBe("INVALID_FORM_DATA");

    const patched = await applicant.request("PATCH", `/applications/${id}`, { formData: completeFoodForm });
    expect(patched.status).toBe(200);

    for (const key of requiredKeys) {
      const attached = await applicant.uploadDocument(id, key, samplePdf(`${id}-${key}`));
      expect(attached.status, key).toBe(200);
    }
    const app = await applicant.get<{ documents: Record<string, { sha256: string }> }>(`/applications/${id}`);
    expect(Object.keys(app.body.documents).sort()).toEqual([...requiredKeys].sort());
  });

  it("submits, starts the workflow and shows up in the agency queue", async () => {
    const submitted = await applicant.post(`/applications/${id}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe("SUBMITTED");
    expect(Date.parse(String(submitted.body.dueAt))).toBeGreaterThan(
      Date.parse(String(submitted.body.submittedAt)),
    );
    await officer.waitForStep(id, "completenessCheck");
    const queue = await officer.get<{ items: { id: string; status: string }[] }>("/officer/applications");
    expect(queue.body.items.find((a) => a.id === id)?.status).toBe("SUBMITTED");
  });

  it("requests a fix; the applicant re-uploads only the listed item and resubmits", async () => {
    const deadline = new Date(stack.clock.now().getTime() + 7 * 86_400_000).toISOString();
    const fix = await officer.post(`/officer/applications/${id}/actions`, {
      action: "request-fix",
      items: [
        { documentKey: "medicalCertificates", reason: "ใบรับรองแพทย์หมดอายุ / medical certificate expired" },
      ],
      deadline,
    });
    expect(fix.status).toBe(200);
    expect(fix.body.status).toBe("FIX_REQUESTED");
    await applicant.waitForStep(id, "applicantFix");
    const notice = stack.notifications.list({ applicationId: id, topic: "fixRequests" });
    expect(notice.map((n) => n.notification.kind)).toEqual(["fixRequested"]);

    const notListed = await applicant.uploadDocument(id, "idCard", samplePdf("another id card"));
    expect(notListed.status).toBe(400);
    expect(notListed.body.code).toBe("DOCUMENT_NOT_IN_FIX_REQUEST");

    const tooEarly = await applicant.post(`/applications/${id}/fixes`);
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.body.code).toBe("MISSING_REQUIRED_DOCUMENTS");

    const replaced = await applicant.uploadDocument(
      id,
      "medicalCertificates",
      samplePdf("renewed certificate"),
    );
    expect(replaced.status).toBe(200);
    const resubmitted = await applicant.post(`/applications/${id}/fixes`, {
      comment: "แนบใบรับรองแพทย์ฉบับใหม่แล้ว",
    });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body.status).toBe("RESUBMITTED");
  });

  it("confirms completeness (the legal clock starts), inspects and approves with the manual's fee", async () => {
    await officer.waitForStep(id, "completenessCheck");
    const complete = await officer.post(`/officer/applications/${id}/actions`, {
      action: "confirm-complete",
    });
    expect(complete.status).toBe(200);
    expect(complete.body).toMatchObject({ status: "DOCS_COMPLETE" });
    expect(Date.parse(String(complete.body.decisionDueAt))).toBeGreaterThan(
      Date.parse(String(complete.body.clockStartedAt)) + 29 * 86_400_000,
    );

    await officer.waitForStep(id, "inspection");
    const scheduled = await officer.post(`/officer/applications/${id}/actions`, {
      action: "schedule-inspection",
      scheduledAt: new Date(stack.clock.now().getTime() + 3 * 86_400_000).toISOString(),
      place: completeFoodForm.premisesAddress,
    });
    expect(scheduled.body.status).toBe("INSPECTION_SCHEDULED");
    const inspected = await officer.post(`/officer/applications/${id}/actions`, {
      action: "record-inspection",
      result: "passed",
      findings: "สุขลักษณะถูกต้องตามหลักเกณฑ์ / premises meet the hygiene criteria",
    });
    expect(inspected.body.status).toBe("UNDER_REVIEW");

    await officer.waitForStep(id, "decision");
    const overCap = await officer.post(`/officer/applications/${id}/actions`, {
      action: "approve",
      feeTHB: 5000,
    });
    expect(overCap.status).toBe(400);
    expect(overCap.body.code).toBe("INVALID_FEE");
    const approved = await officer.post(`/officer/applications/${id}/actions`, {
      action: "approve",
      feeTHB: 3000,
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: "APPROVED",
      decision: { outcome: "approved", feeTHB: 3000 },
    });
  });

  it("confirms payment, issues a verifiable license and records its pickup", async () => {
    await officer.waitForStep(id, "payment");
    expect(stack.notifications.list({ applicationId: id, topic: "approvals" })[0]?.notification.kind).toBe(
      "approved",
    );
    const paid = await officer.post(`/officer/applications/${id}/actions`, {
      action: "confirm-payment",
      receiptNumber: "KD-2569-000123",
      amountTHB: 3000,
      channel: "counter",
    });
    expect(paid.body.status).toBe("PAYMENT_CONFIRMED");

    await officer.waitForStep(id, "licenseIssue");
    const issued = await officer.post(`/officer/applications/${id}/actions`, { action: "issue-license" });
    expect(issued.body.status).toBe("LICENSE_ISSUED");
    const number = String(issued.body.licenseNumber);
    expect(number).toMatch(/^KD-FOOD200-25\d\d-000001$/);
    const verified = await new ApiClient(stack.url).get(`/licenses/${number}/verify`);
    expect(verified.body).toMatchObject({ valid: true, businessName: completeFoodForm.businessName });

    await officer.waitForStep(id, "pickup");
    const collected = await officer.post(`/officer/applications/${id}/actions`, {
      action: "confirm-pickup",
      collectedBy: "สมชาย ใจดี",
    });
    expect(collected.body.status).toBe("COLLECTED");
    await stack.engine.settled();
    expect(stack.engine.execution(id)?.status).toBe("SUCCEEDED");
    // Issue 14: the states entered are the steps the application went through, and no routing around
    // them (Step Functions bills each transition): 10 for this path with one fix round.
    expect(stack.engine.execution(id)?.statesEntered).toEqual([
      "AwaitCompletenessCheck",
      "AfterRequestFix",
      "AwaitApplicantFix",
      "AwaitCompletenessCheck",
      "AwaitInspection",
      "AwaitDecision",
      "AwaitPayment",
      "AwaitLicenseIssue",
      "AwaitPickup",
      "Collected",
    ]);

    const history = await applicant.get<{ items: { action: string; toStatus: string }[] }>(
      `/applications/${id}/history`,
    );
    expect(history.body.items.map((e) => e.toStatus)).toEqual([
      "DRAFT",
      "DRAFT",
      ...requiredKeys.map(() => "DRAFT"),
      "SUBMITTED",
      "FIX_REQUESTED",
      "FIX_REQUESTED",
      "RESUBMITTED",
      "DOCS_COMPLETE",
      "INSPECTION_SCHEDULED",
      "UNDER_REVIEW",
      "APPROVED",
      "APPROVED", // decision-notice: when the applicant was told (s.10)
      "PAYMENT_CONFIRMED",
      "LICENSE_ISSUED",
      "COLLECTED",
    ]);
    const queue = await officer.get<{ items: { id: string }[] }>("/officer/applications");
    expect(queue.body.items.some((a) => a.id === id)).toBe(false);
  });
});
