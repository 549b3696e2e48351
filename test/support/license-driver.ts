import { findLicenseType, type LicenseType } from "../../shared/catalog";
import { documentsRequiredToSubmit } from "../../shared/catalog/fact-condition";
import { type ApiClient, samplePdf } from "./api-client";

/** A complete form for any license type, from its catalog field list (values that satisfy each rule). */
export function sampleForm(
  licenseType: LicenseType,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const form: Record<string, unknown> = {};
  for (const field of licenseType.form) {
    if (field.type === "text") form[field.key] = `ตัวอย่าง ${field.key}`.slice(0, field.maxLength);
    else if (field.type === "enum") form[field.key] = field.options[0]!.value;
    else if (field.type === "boolean") form[field.key] = true;
    else {
      const low = field.exclusiveMinimum !== undefined ? field.exclusiveMinimum + 1 : (field.minimum ?? 1);
      form[field.key] = field.type === "integer" ? Math.ceil(low) : low;
    }
  }
  return { ...form, ...overrides };
}

/** The fee an officer may approve with under the manual: the fixed amount, the cap, or 0. */
export function manualFee(licenseType: LicenseType): number {
  if (licenseType.workflow.assessment || licenseType.caseType === "cancel") return 0;
  const fees = licenseType.manual.fees ?? [];
  const fixed = fees.find((f) => f.kind === "fixed" && f.amountTHB !== undefined)?.amountTHB;
  const cap = fees.find((f) => f.kind === "cap" && f.maxTHB !== undefined)?.maxTHB;
  return fixed ?? cap ?? 0;
}

export interface Drive {
  applicant: ApiClient;
  officer: ApiClient;
}

/** Creates, uploads every required document and submits an application; waits for the officer's check. */
export async function submitApplication(
  d: Drive,
  licenseTypeId: string,
  overrides: Record<string, unknown> = {},
) {
  const licenseType = findLicenseType(licenseTypeId)!;
  const formData = sampleForm(licenseType, overrides);
  const created = await d.applicant.post("/applications", { licenseTypeId, formData });
  if (created.status !== 201) throw new Error(`create ${licenseTypeId}: ${JSON.stringify(created.body)}`);
  const id = String(created.body.id);
  for (const doc of documentsRequiredToSubmit(licenseType, formData)) {
    const res = await d.applicant.uploadDocument(id, doc.key, samplePdf(`${id}-${doc.key}`));
    if (res.status !== 200) throw new Error(`upload ${doc.key}: ${JSON.stringify(res.body)}`);
  }
  const submitted = await d.applicant.post(`/applications/${id}/submit`);
  if (submitted.status !== 200) return { id, submitted };
  await d.officer.waitForStep(id, "completenessCheck");
  return { id, submitted };
}

async function act(d: Drive, id: string, step: string, action: Record<string, unknown>) {
  await d.officer.waitForStep(id, step);
  const res = await d.officer.post(`/officer/applications/${id}/actions`, action);
  if (res.status !== 200) throw new Error(`${String(action.action)}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** From submitted to approved: completeness, inspection and committee where the type has them. */
export async function driveToApproval(d: Drive, id: string, licenseType: LicenseType) {
  await act(d, id, "completenessCheck", { action: "confirm-complete" });
  if (licenseType.workflow.inspection)
    await act(d, id, "inspection", { action: "record-inspection", result: "passed", findings: "ถูกต้อง" });
  if (licenseType.workflow.committee)
    await act(d, id, "committee", {
      action: "record-committee-resolution",
      resolution: "recommendApproval",
      minutes: "เห็นชอบ",
    });
  return act(d, id, "decision", { action: "approve", feeTHB: manualFee(licenseType) });
}

/** A whole lifecycle to LICENSE_ISSUED (or COLLECTED with pickup); returns the application. */
export async function issueLicense(d: Drive, licenseTypeId: string, overrides: Record<string, unknown> = {}) {
  const licenseType = findLicenseType(licenseTypeId)!;
  const { id } = await submitApplication(d, licenseTypeId, overrides);
  await driveToApproval(d, id, licenseType);
  const fee = manualFee(licenseType);
  if (licenseType.workflow.payment)
    await act(d, id, "payment", {
      action: "confirm-payment",
      channel: "counter",
      receiptNumber: `R-${id}`,
      amountTHB: fee,
    });
  const issued = await act(d, id, "licenseIssue", { action: "issue-license" });
  if (licenseType.workflow.pickup)
    await act(d, id, "pickup", { action: "confirm-pickup", collectedBy: "ผู้รับ" });
  return { id, licenseNumber: String(issued.licenseNumber) };
}
