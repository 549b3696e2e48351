import { describe, expect, it } from "vitest";
import { findLicenseType, type LicenseType } from "../../../shared/catalog";
import type { Application } from "../../../shared/domain/application/types";
import {
  addMonths,
  amendedLicense,
  assertCaseLicense,
  cancelledLicense,
  caseLicenseNumber,
  licenseVerification,
  renewedLicense,
} from "../../../shared/domain/license-cases";
import type { LicenseRecord } from "../../../shared/ports/license-register";
import { applicationIn, domainErrorOf, foodType, mondayTen } from "./fixtures";

const renewal: LicenseType = findLicenseType("food-premises-over-200sqm-renewal-klong-dan")!;
const amendment: LicenseType = findLicenseType("fuel-station-amendment-klong-dan")!;
const number = "KD-FOOD200-2568-000007";

/** The food-premises license issued to applicant-1 a year ago, valid until 30 June 2026. */
const license = (overrides: Partial<LicenseRecord> = {}): LicenseRecord => ({
  number,
  applicationId: "01JJ0000000000000000000000",
  licenseTypeId: foodType.id,
  agencyId: "sao-khlong-dan",
  holderId: "applicant-1",
  businessName: "บริษัท ครัวคลองด่าน จำกัด",
  issuedAt: "2025-06-30T03:00:00.000Z",
  validUntil: "2026-06-30T03:00:00.000Z",
  version: 3,
  ...overrides,
});

const caseOf = (lt: LicenseType, formData: Record<string, unknown> = {}): Application =>
  applicationIn("PAYMENT_CONFIRMED", {
    id: "01JNZCASE00000000000000000",
    licenseTypeId: lt.id,
    caseType: lt.caseType,
    formData: { licenseNumber: ` ${number} `, ...formData },
  });

describe("the catalog's case types", () => {
  it("renewal applies to the food-premises license, with 12 months' validity", () => {
    expect(renewal).toMatchObject({ caseType: "renew", appliesTo: foodType.id, validityMonths: 12 });
    expect(amendment).toMatchObject({ caseType: "amend", appliesTo: "fuel-station-license-klong-dan" });
  });
});

describe("caseLicenseNumber", () => {
  it("is the form's number, trimmed; none when the form has no text there", () => {
    expect(caseLicenseNumber(caseOf(renewal))).toBe(number);
    expect(caseLicenseNumber(caseOf(renewal, { licenseNumber: 7 }))).toBeUndefined();
    expect(caseLicenseNumber(applicationIn("SUBMITTED"))).toBeUndefined();
  });
});

describe("assertCaseLicense", () => {
  const codeOf = (lt: LicenseType, app: Application, record: LicenseRecord | undefined, now = mondayTen) =>
    domainErrorOf(() => assertCaseLicense(lt, app, record, now));

  it("passes a license of the applicant, of the right type, in force", () => {
    expect(() => assertCaseLicense(renewal, caseOf(renewal), license(), mondayTen)).not.toThrow();
  });

  it("checks nothing for a new license (no appliesTo)", () => {
    expect(() => assertCaseLicense(foodType, applicationIn("APPROVED"), undefined, mondayTen)).not.toThrow();
  });

  it("CASE_LICENSE_NOT_FOUND (400) when there is no such license, or it has another number", () => {
    const missing = codeOf(renewal, caseOf(renewal), undefined);
    expect(missing).toMatchObject({ code: "CASE_LICENSE_NOT_FOUND", kind: "validation" });
    expect(missing.detail).toBe(`License number ${number}`);
    expect(missing.titleTh).toBe("ไม่พบใบอนุญาตเลขที่ระบุ");
    const other = codeOf(renewal, caseOf(renewal), license({ number: "KD-FOOD200-2568-000008" }));
    expect(other.code).toBe("CASE_LICENSE_NOT_FOUND");
    const noNumber = codeOf(renewal, caseOf(renewal, { licenseNumber: undefined }), license());
    expect(noNumber).toMatchObject({ code: "CASE_LICENSE_NOT_FOUND", detail: "No license number given" });
  });

  it("CASE_LICENSE_NOT_HELD (400) when the license was issued to someone else", () => {
    const error = codeOf(renewal, caseOf(renewal), license({ holderId: "applicant-2" }));
    expect(error).toMatchObject({ code: "CASE_LICENSE_NOT_HELD", kind: "validation" });
  });

  it("CASE_LICENSE_WRONG_TYPE (400) when the license is of another type", () => {
    const error = codeOf(
      renewal,
      caseOf(renewal),
      license({ licenseTypeId: "fuel-station-license-klong-dan" }),
    );
    expect(error).toMatchObject({ code: "CASE_LICENSE_WRONG_TYPE", kind: "validation" });
    expect(error.titleEn).toBe(`This case applies to licenses of type ${foodType.id}`);
  });

  it("LICENSE_CANCELLED (409) before the expiry check", () => {
    const cancelled = license({
      cancelledAt: "2026-01-10T03:00:00.000Z",
      validUntil: "2026-01-31T03:00:00.000Z",
    });
    expect(codeOf(renewal, caseOf(renewal), cancelled)).toMatchObject({
      code: "LICENSE_CANCELLED",
      kind: "conflict",
    });
  });

  it("LICENSE_EXPIRED_APPLY_NEW (409) for a renewal after the expiry, not at it", () => {
    const expiry = new Date("2026-06-30T03:00:00.000Z");
    expect(() => assertCaseLicense(renewal, caseOf(renewal), license(), expiry)).not.toThrow();
    const error = codeOf(renewal, caseOf(renewal), license(), new Date(expiry.getTime() + 1));
    expect(error).toMatchObject({ code: "LICENSE_EXPIRED_APPLY_NEW", kind: "conflict" });
  });

  it("does not refuse an amendment of an expired license, nor a renewal of one without expiry", () => {
    const fuel = license({
      licenseTypeId: "fuel-station-license-klong-dan",
      validUntil: "2026-01-01T00:00:00.000Z",
    });
    expect(() => assertCaseLicense(amendment, caseOf(amendment), fuel, mondayTen)).not.toThrow();
    const open = license({ validUntil: null });
    expect(() => assertCaseLicense(renewal, caseOf(renewal), open, new Date("2030-01-01"))).not.toThrow();
  });
});

describe("renewedLicense", () => {
  const app = caseOf(renewal);

  it("renewed before expiry: 12 months from the current validUntil, keeping the number", () => {
    const renewed = renewedLicense(license(), app, 12, mondayTen);
    expect(renewed).toEqual({
      ...license(),
      validUntil: "2027-06-30T03:00:00.000Z",
      renewals: [
        { applicationId: app.id, at: mondayTen.toISOString(), validUntil: "2027-06-30T03:00:00.000Z" },
      ],
    });
  });

  it("when validUntil is already past (or absent), extends from now", () => {
    const past = renewedLicense(license({ validUntil: "2026-02-01T03:00:00.000Z" }), app, 12, mondayTen);
    expect(past.validUntil).toBe("2027-03-02T03:00:00.000Z");
    const none = renewedLicense(license({ validUntil: null }), app, 6, mondayTen);
    expect(none.validUntil).toBe("2026-09-02T03:00:00.000Z");
  });

  it("appends to earlier renewals and leaves the input untouched", () => {
    const earlier = {
      applicationId: "01JJOLD",
      at: "2025-06-01T03:00:00.000Z",
      validUntil: "2026-06-30T03:00:00.000Z",
    };
    const input = license({ renewals: [earlier] });
    const renewed = renewedLicense(input, app, 12, mondayTen);
    expect(renewed.renewals).toEqual([
      earlier,
      { applicationId: app.id, at: "2026-03-02T03:00:00.000Z", validUntil: "2027-06-30T03:00:00.000Z" },
    ]);
    expect(input.renewals).toHaveLength(1);
    expect(input.validUntil).toBe("2026-06-30T03:00:00.000Z");
  });

  it("without validity months keeps validUntil but still records the renewal", () => {
    const renewed = renewedLicense(license(), app, null, mondayTen);
    expect(renewed.validUntil).toBe("2026-06-30T03:00:00.000Z");
    expect(renewed.renewals).toEqual([
      { applicationId: app.id, at: "2026-03-02T03:00:00.000Z", validUntil: "2026-06-30T03:00:00.000Z" },
    ]);
  });
});

describe("amendedLicense", () => {
  it("renames the business to the form's name and records the amendment", () => {
    const app = caseOf(amendment, { businessName: "หจก. ปั๊มคลองด่าน" });
    const amended = amendedLicense(license(), app, mondayTen);
    expect(amended).toEqual({
      ...license(),
      businessName: "หจก. ปั๊มคลองด่าน",
      amendments: [{ applicationId: app.id, at: "2026-03-02T03:00:00.000Z" }],
    });
  });

  it("keeps the name when the form gives none", () => {
    const app = caseOf(amendment, { businessName: undefined });
    expect(amendedLicense(license(), app, mondayTen).businessName).toBe("บริษัท ครัวคลองด่าน จำกัด");
  });
});

describe("cancelledLicense", () => {
  it("marks the license cancelled now, and nothing else", () => {
    expect(cancelledLicense(license(), mondayTen)).toEqual({
      ...license(),
      cancelledAt: "2026-03-02T03:00:00.000Z",
    });
  });
});

describe("licenseVerification", () => {
  const printed = {
    number,
    licenseTypeId: foodType.id,
    agencyId: "sao-khlong-dan",
    businessName: "บริษัท ครัวคลองด่าน จำกัด",
    issuedAt: "2025-06-30T03:00:00.000Z",
    validUntil: "2026-06-30T03:00:00.000Z",
  };

  it("notFound: discloses only the number asked", () => {
    expect(licenseVerification("XX-1", undefined, mondayTen)).toEqual({
      number: "XX-1",
      valid: false,
      reason: "notFound",
    });
  });

  it("valid: what is printed on it, without the holder or internal fields", () => {
    expect(licenseVerification(number, license(), mondayTen)).toEqual({ ...printed, valid: true });
    const open = licenseVerification(number, license({ validUntil: null }), new Date("2040-01-01"));
    expect(open).toEqual({ ...printed, validUntil: null, valid: true });
  });

  it("expired after validUntil", () => {
    expect(licenseVerification(number, license(), new Date("2026-07-01T00:00:00Z"))).toEqual({
      ...printed,
      valid: false,
      reason: "expired",
    });
  });

  it("cancelled (even when also expired), with when", () => {
    const cancelledAt = "2026-03-01T03:00:00.000Z";
    const expected = { ...printed, valid: false, reason: "cancelled", cancelledAt };
    expect(licenseVerification(number, license({ cancelledAt }), mondayTen)).toEqual(expected);
    expect(licenseVerification(number, license({ cancelledAt }), new Date("2027-01-01"))).toEqual(expected);
  });
});

describe("calendar months", () => {
  it("clamps to the last day of a shorter month", () => {
    expect(addMonths(new Date("2027-01-31T09:30:00Z"), 1).toISOString()).toBe("2027-02-28T09:30:00.000Z");
    expect(addMonths(new Date("2028-02-29T09:30:00Z"), 12).toISOString()).toBe("2029-02-28T09:30:00.000Z");
    expect(addMonths(new Date("2027-03-15T09:30:00Z"), 12).toISOString()).toBe("2028-03-15T09:30:00.000Z");
  });
});
