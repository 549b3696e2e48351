import { describe, expect, it } from "vitest";
import { findLicenseType } from "../../../shared/catalog";
import {
  bangkokDate,
  documentValidityRules,
  isExpired,
  validityRuleFor,
  validUntilOf,
} from "../../../shared/domain/document-validity";

const food = findLicenseType("food-premises-over-200sqm-klong-dan")!;
const documentNamed = (key: string) => food.manual.documents.find((d) => d.key === key)!;
const medical = documentValidityRules.find((r) => r.id === "medical-certificate")!;

describe("document validity rules (data)", () => {
  it("applies the medical-certificate rule to the manual's ใบรับรองแพทย์ and to nothing else of the food license", () => {
    expect(validityRuleFor(documentNamed("medicalCertificates"))).toBe(medical);
    for (const d of food.manual.documents.filter((d) => d.key !== "medicalCertificates"))
      expect(validityRuleFor(d), d.key).toBeUndefined();
    expect(validityRuleFor(undefined)).toBeUndefined();
  });

  it("states where each rule's period comes from", () => {
    for (const rule of documentValidityRules) expect(rule.source.length).toBeGreaterThan(40);
  });

  it("counts six months from the stated issue date, ending at 00:00 Bangkok of the same calendar day", () => {
    expect(validUntilOf(medical, { issuedOn: "2026-01-15", uploadedAt: "2026-03-01T03:00:00Z" })).toBe(
      "2026-07-14T17:00:00.000Z",
    );
  });

  it("counts from the upload's Bangkok date when no issue date is stated", () => {
    // 23:30 UTC on 1 March is already 2 March in Bangkok.
    expect(bangkokDate("2026-03-01T23:30:00Z")).toBe("2026-03-02");
    expect(validUntilOf(medical, { uploadedAt: "2026-03-01T23:30:00Z" })).toBe("2026-09-01T17:00:00.000Z");
  });

  it("ends a period on the month's last day when the month lacks the day", () => {
    expect(validUntilOf(medical, { issuedOn: "2026-08-31", uploadedAt: "2026-09-01T00:00:00Z" })).toBe(
      "2027-02-27T17:00:00.000Z",
    );
  });

  it("is expired from the instant it stops being valid, and never without a rule", () => {
    const until = "2026-07-14T17:00:00.000Z";
    expect(isExpired(until, new Date("2026-07-14T16:59:59Z"))).toBe(false);
    expect(isExpired(until, new Date(until))).toBe(true);
    expect(isExpired(undefined, new Date("2099-01-01T00:00:00Z"))).toBe(false);
  });
});
