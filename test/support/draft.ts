import { findLicenseType } from "../../shared/catalog";
import { documentsRequiredToSubmit } from "../../shared/catalog/fact-condition";
import { type ApiClient, completeFoodForm, foodLicenseTypeId, samplePdf } from "./api-client";

/** A complete food-premises application, submitted, with the workflow waiting for the officer. */
export async function submittedFoodApplication(
  applicant: ApiClient,
  seed = String(Math.random()),
): Promise<string> {
  const created = await applicant.post("/applications", {
    licenseTypeId: foodLicenseTypeId,
    formData: completeFoodForm,
  });
  if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
  const id = String(created.body.id);
  const licenseType = findLicenseType(foodLicenseTypeId)!;
  for (const doc of documentsRequiredToSubmit(licenseType, completeFoodForm)) {
    const res = await applicant.uploadDocument(id, doc.key, samplePdf(`${seed}-${doc.key}`));
    if (res.status !== 200) throw new Error(`upload ${doc.key} failed: ${JSON.stringify(res.body)}`);
  }
  const submitted = await applicant.post(`/applications/${id}/submit`);
  if (submitted.status !== 200) throw new Error(`submit failed: ${JSON.stringify(submitted.body)}`);
  await applicant.waitForStep(id, "completenessCheck");
  return id;
}
