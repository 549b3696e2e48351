import { describe, expect, it } from "vitest";
import { formatLicenseNumber, licenseSequenceScope } from "../../../shared/domain/license-number";

describe("formatLicenseNumber", () => {
  it("prints agency, type, Buddhist Era year and a six-digit sequence", () => {
    expect(formatLicenseNumber("KD", "FOOD200", new Date("2026-03-02T03:00:00Z"), 1)).toBe(
      "KD-FOOD200-2569-000001",
    );
    expect(formatLicenseNumber("KD", "FOOD200", new Date("2026-03-02T03:00:00Z"), 123456)).toBe(
      "KD-FOOD200-2569-123456",
    );
  });

  it("takes the year from the Bangkok date: 31 Dec 2026 18:00 UTC is already 1 Jan 2570 in Bangkok", () => {
    expect(formatLicenseNumber("KD", "FOOD200", new Date("2026-12-31T18:00:00Z"), 7)).toBe(
      "KD-FOOD200-2570-000007",
    );
    expect(formatLicenseNumber("KD", "FOOD200", new Date("2026-12-31T16:59:59Z"), 7)).toBe(
      "KD-FOOD200-2569-000007",
    );
  });
});

describe("licenseSequenceScope", () => {
  it("is the number without its sequence, so each agency, type and BE year counts from 1", () => {
    expect(licenseSequenceScope("KD", "FOOD200", new Date("2026-06-15T05:00:00Z"))).toBe("KD-FOOD200-2569");
    expect(licenseSequenceScope("KD", "FOOD200", new Date("2026-12-31T18:00:00Z"))).toBe("KD-FOOD200-2570");
  });
});
