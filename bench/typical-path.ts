import { findLicenseType } from "../shared/catalog";
import { documentsRequiredToSubmit } from "../shared/catalog/fact-condition";
import { type ApiClient, completeFoodForm, foodLicenseTypeId, samplePdf } from "../test/support/api-client";

type Client = Pick<ApiClient, "request" | "post" | "get" | "uploadDocument">;

export interface TypicalPathOptions {
  /** The stack's clock: deadlines and inspection dates are set from it. */
  now: () => Date;
  /** Makes every upload's bytes (and so its digest) unique to this run. */
  seed: string;
  /**
   * Called before each step-ending request (officer actions, the applicant's fixes). The single
   * lifecycle polls for the wait like the e2e test; the load leaves the waiting to the server.
   */
  beforeStep?: (who: "applicant" | "officer", id: string, step: string) => Promise<void>;
}

/** A request the path expected to succeed did not: the status and problem body say why. */
export class PathError extends Error {
  constructor(
    readonly what: string,
    readonly status: number,
    body: unknown,
  ) {
    super(`${what}: HTTP ${status}: ${JSON.stringify(body)?.slice(0, 300)}`);
    this.name = "PathError";
  }
}

/**
 * The typical path of one application, as test/e2e/lifecycle.test.ts drives it: the food-premises
 * license over 200 m² with one fix round — create, complete the form, upload the seven required
 * documents, submit, request-fix, re-upload and send the fix, confirm-complete, schedule and record the
 * inspection, approve 3,000 THB, confirm payment, issue the license and record its pickup.
 * Returns the application id.
 */
export async function driveTypicalPath(
  applicant: Client,
  officer: Client,
  options: TypicalPathOptions,
): Promise<string> {
  const { now, seed } = options;
  const beforeStep = options.beforeStep ?? (async () => {});
  const expect = (res: { status: number; body: unknown }, status: number, what: string) => {
    if (res.status !== status) throw new PathError(what, res.status, res.body);
    return res.body as Record<string, unknown>;
  };
  const act = async (id: string, step: string, action: Record<string, unknown>, toStatus: string) => {
    await beforeStep("officer", id, step);
    const body = expect(
      await officer.post(`/officer/applications/${id}/actions`, action),
      200,
      String(action.action),
    );
    if (body.status !== toStatus) throw new PathError(`${action.action} led to ${body.status}`, 200, body);
  };

  const created = expect(
    await applicant.post("/applications", {
      licenseTypeId: foodLicenseTypeId,
      formData: { businessName: completeFoodForm.businessName },
    }),
    201,
    "create",
  );
  const id = String(created.id);
  expect(
    await applicant.request("PATCH", `/applications/${id}`, { formData: completeFoodForm }),
    200,
    "patch",
  );
  for (const key of requiredDocuments())
    expect(await applicant.uploadDocument(id, key, samplePdf(`${seed}-${id}-${key}`)), 200, `attach ${key}`);
  expect(await applicant.post(`/applications/${id}/submit`), 200, "submit");
  await act(
    id,
    "completenessCheck",
    {
      action: "request-fix",
      items: [
        { documentKey: "medicalCertificates", reason: "ใบรับรองแพทย์หมดอายุ / medical certificate expired" },
      ],
      deadline: new Date(now().getTime() + 7 * 86_400_000).toISOString(),
    },
    "FIX_REQUESTED",
  );
  await beforeStep("applicant", id, "applicantFix");
  expect(
    await applicant.uploadDocument(id, "medicalCertificates", samplePdf(`${seed}-${id}-renewed`)),
    200,
    "re-attach",
  );
  expect(
    await applicant.post(`/applications/${id}/fixes`, { comment: "แนบใบรับรองแพทย์ฉบับใหม่แล้ว" }),
    200,
    "fixes",
  );
  await act(id, "completenessCheck", { action: "confirm-complete" }, "DOCS_COMPLETE");
  await act(
    id,
    "inspection",
    {
      action: "schedule-inspection",
      scheduledAt: new Date(now().getTime() + 3 * 86_400_000).toISOString(),
      place: completeFoodForm.premisesAddress,
    },
    "INSPECTION_SCHEDULED",
  );
  await act(
    id,
    "inspection",
    { action: "record-inspection", result: "passed", findings: "premises meet the hygiene criteria" },
    "UNDER_REVIEW",
  );
  await act(id, "decision", { action: "approve", feeTHB: 3000 }, "APPROVED");
  await act(
    id,
    "payment",
    { action: "confirm-payment", receiptNumber: "KD-2569-000123", amountTHB: 3000, channel: "counter" },
    "PAYMENT_CONFIRMED",
  );
  await act(id, "licenseIssue", { action: "issue-license" }, "LICENSE_ISSUED");
  await act(id, "pickup", { action: "confirm-pickup", collectedBy: "สมชาย ใจดี" }, "COLLECTED");
  return id;
}

function requiredDocuments(): string[] {
  const licenseType = findLicenseType(foodLicenseTypeId)!;
  return documentsRequiredToSubmit(licenseType, completeFoodForm).map((d) => d.key);
}
