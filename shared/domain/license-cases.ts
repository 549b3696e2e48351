import type { LicenseType } from "../catalog/schema";
import type { Application } from "./application/types";
import { DomainError } from "./errors";
import type { LicenseRecord } from "./license";

/**
 * Case types other than "new" act on a license already issued (000: ต่ออายุ แก้ไขเปลี่ยนแปลง ยกเลิก):
 * the form names it, it must be the applicant's, of the type the case applies to, and still in force.
 * A renewal keeps the number and extends the validity; an amendment keeps both; a cancellation ends it.
 */
export function caseLicenseNumber(app: Application): string | undefined {
  const number = app.formData.licenseNumber;
  return typeof number === "string" ? number.trim() : undefined;
}

export function assertCaseLicense(
  licenseType: LicenseType,
  app: Application,
  license: LicenseRecord | undefined,
  now: Date,
): void {
  if (!licenseType.appliesTo) return;
  const number = caseLicenseNumber(app);
  if (!license || license.number !== number)
    throw caseError(
      "CASE_LICENSE_NOT_FOUND",
      "validation",
      "ไม่พบใบอนุญาตเลขที่ระบุ",
      "No license with the number given",
      number,
    );
  if (license.holderId !== app.applicantId)
    throw caseError(
      "CASE_LICENSE_NOT_HELD",
      "validation",
      "ใบอนุญาตนี้ไม่ได้ออกให้แก่ท่าน",
      "This license was not issued to you",
      number,
    );
  if (license.licenseTypeId !== licenseType.appliesTo)
    throw caseError(
      "CASE_LICENSE_WRONG_TYPE",
      "validation",
      "ใบอนุญาตนี้ไม่ใช่ประเภทที่คำขอนี้ใช้ได้",
      `This case applies to licenses of type ${licenseType.appliesTo}`,
      number,
    );
  if (license.cancelledAt)
    throw caseError(
      "LICENSE_CANCELLED",
      "conflict",
      "ใบอนุญาตนี้ถูกยกเลิกแล้ว",
      "This license has been cancelled",
      number,
    );
  // 004 (renewal): not renewed before it expires, the business must apply again as new.
  if (
    licenseType.caseType === "renew" &&
    license.validUntil &&
    Date.parse(license.validUntil) < now.getTime()
  )
    throw caseError(
      "LICENSE_EXPIRED_APPLY_NEW",
      "conflict",
      "ใบอนุญาตสิ้นอายุแล้ว ต้องยื่นขออนุญาตใหม่",
      "The license has expired: apply for a new one",
      number,
    );
}

export function renewedLicense(
  license: LicenseRecord,
  app: Application,
  months: number | null,
  now: Date,
): LicenseRecord {
  const from = Math.max(Date.parse(license.validUntil ?? now.toISOString()), now.getTime());
  const validUntil = months ? addMonths(new Date(from), months).toISOString() : license.validUntil;
  return {
    ...license,
    validUntil,
    renewals: [...(license.renewals ?? []), { applicationId: app.id, at: now.toISOString(), validUntil }],
  };
}

export function amendedLicense(license: LicenseRecord, app: Application, now: Date): LicenseRecord {
  const businessName =
    typeof app.formData.businessName === "string" ? app.formData.businessName : license.businessName;
  return {
    ...license,
    businessName,
    amendments: [...(license.amendments ?? []), { applicationId: app.id, at: now.toISOString() }],
  };
}

export function cancelledLicense(license: LicenseRecord, now: Date): LicenseRecord {
  return { ...license, cancelledAt: now.toISOString() };
}

/** Calendar months; a day that the target month lacks becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const d = new Date(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

function caseError(
  code: string,
  kind: "validation" | "conflict",
  titleTh: string,
  titleEn: string,
  number?: string,
) {
  return new DomainError({
    code,
    kind,
    titleTh,
    titleEn,
    detail: number ? `License number ${number}` : "No license number given",
  });
}

/** What a public verification of a license number discloses: what is printed on it, and whether it holds. */
export function licenseVerification(number: string, license: LicenseRecord | undefined, now: Date) {
  if (!license) return { number, valid: false, reason: "notFound" as const };
  const expired = license.validUntil !== null && Date.parse(license.validUntil) < now.getTime();
  const reason = license.cancelledAt ? ("cancelled" as const) : expired ? ("expired" as const) : undefined;
  return {
    number: license.number,
    valid: reason === undefined,
    ...(reason ? { reason } : {}),
    ...(license.cancelledAt ? { cancelledAt: license.cancelledAt } : {}),
    licenseTypeId: license.licenseTypeId,
    agencyId: license.agencyId,
    businessName: license.businessName,
    issuedAt: license.issuedAt,
    validUntil: license.validUntil,
  };
}
