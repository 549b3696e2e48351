import { documentsRequiredToSubmit, factHolds } from "../../catalog/fact-condition";
import type { LicenseType } from "../../catalog/schema";
import type { BusinessProfile } from "./types";

/**
 * One form for many licenses: what the business profile answers, under the form field keys the
 * catalog's forms use. The forms name the operator's kind three ways (the manuals' wording).
 */
export function profileAnswers(profile: BusinessProfile): Record<string, unknown> {
  const answers: Record<string, unknown> = {
    ...profile.facts,
    businessName: profile.businessName,
    premisesAddress: profile.premisesAddress,
    operatorType: profile.operator.type,
    applicantType: profile.operator.type,
  };
  if (profile.contacts.phone !== undefined) answers.phone = profile.contacts.phone;
  return answers;
}

/**
 * A license type's draft form: the profile's answers, then the applicant's `answers` (given once,
 * applied to every form that asks the same key; they win over the profile), kept to the keys this
 * form asks: a draft takes no field its form does not have.
 */
export function prefillForm(
  licenseType: LicenseType,
  fromProfile: Record<string, unknown>,
  answers: Record<string, unknown>,
): Record<string, unknown> {
  const merged = { ...fromProfile, ...answers };
  const form: Record<string, unknown> = {};
  for (const field of licenseType.form)
    if (merged[field.key] !== undefined) form[field.key] = merged[field.key];
  return form;
}

/** Answers no chosen form asks: refused rather than dropped (ADR 0008), so a typo is never lost. */
export function unaskedAnswers(licenseTypes: readonly LicenseType[], answers: Record<string, unknown>) {
  const asked = new Set(licenseTypes.flatMap((t) => t.form.map((f) => f.key)));
  return Object.keys(answers).filter((key) => !asked.has(key));
}

/** What the applicant still has to give before the application can be submitted. */
export function stillMissing(licenseType: LicenseType, formData: Record<string, unknown>) {
  const fields = licenseType.form
    .filter(
      (f) =>
        formData[f.key] === undefined &&
        (f.required || (f.requiredWhen !== undefined && factHolds(f.requiredWhen, formData))),
    )
    .map((f) => f.key);
  const documents = documentsRequiredToSubmit(licenseType, formData).map((d) => d.key);
  return { fields, documents };
}
