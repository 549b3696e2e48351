import { describe, expect, it } from "vitest";
import {
  formatNationalId,
  isValidNationalId,
  nationalIdCheckDigit,
  normalizeNationalId,
  parseNationalId,
} from "../../../shared/domain/national-id";
import { domainErrorOf } from "./fixtures";

describe("Thai national ID (เลขประจำตัวประชาชน), mod-11 check digit", () => {
  it("computes the check digit as (11 − (Σ dᵢ × (14 − i), i = 1..12) mod 11) mod 10", () => {
    // 3·13 + 1·12 + 0·11 + 1·10 + 2·9 + 0·8 + 0·7 + 1·6 + 2·5 + 3·4 + 4·3 + 5·2 = 129; 129 mod 11 = 8; 11 − 8 = 3
    expect(nationalIdCheckDigit("310120012345")).toBe(3);
    // Σ mod 11 = 0 → 11 mod 10 = 1 (never 11 mod 11 = 0); Σ mod 11 = 1 → 10 mod 10 = 0; Σ mod 11 = 10 → 1
    expect(nationalIdCheckDigit("100000000030")).toBe(1);
    expect(nationalIdCheckDigit("110170020305")).toBe(1);
    expect(nationalIdCheckDigit("110170020300")).toBe(0);
    expect(nationalIdCheckDigit("110170020313")).toBe(1);
    expect(() => nationalIdCheckDigit("12345")).toThrow();
  });

  it.each([
    ["3101200123453", "3101200123453"],
    ["3-1012-00123-45-3", "3101200123453"],
    ["1 1017 00203 45 0", "1101700203450"],
    [" 5-7099-00123-45-4 ", "5709900123454"],
    // Σ = 22, a multiple of 11: the check digit is 1 (the outside tester's example of a refused valid ID)
    ["1000000000301", "1000000000301"],
    ["1101700203051", "1101700203051"],
    ["1-1017-00203-00-0", "1101700203000"],
    ["1101700203131", "1101700203131"],
    ["8-1234-56789-01-1", "8123456789011"],
  ])("accepts %j as %s", (input, digits) => {
    expect(normalizeNationalId(input)).toBe(digits);
    expect(parseNationalId(input)).toBe(digits);
    expect(isValidNationalId(input)).toBe(true);
  });

  it.each([
    ["3101200123454", "check digit"],
    ["3-1012-00123-45-0", "check digit"],
    // The wrong rule's answer for Σ ≡ 0 (mod 11): accepted before, refused now
    ["1000000000300", "check digit"],
    ["1101700203050", "check digit"],
    // No ID is issued with category 0 or 9, even when the check digit fits
    ["0000000000302", "first digit"],
    ["9000000000306", "first digit"],
    ["310120012345", "13 digits"],
    ["31012001234530", "13 digits"],
    ["31012OO123453", "13 digits"],
    ["3.1012.00123.45.3", "13 digits"],
    ["๓๑๐๑๒๐๐๑๒๓๔๕๓", "13 digits"],
    ["", "13 digits"],
  ])("refuses %j (%s) with 400 INVALID_NATIONAL_ID in Thai and English", (input, rule) => {
    expect(isValidNationalId(input)).toBe(false);
    expect(normalizeNationalId(input)).toBeUndefined();
    const error = domainErrorOf(() => parseNationalId(input));
    expect(error).toMatchObject({ code: "INVALID_NATIONAL_ID", kind: "validation" });
    expect(error.titleTh).toMatch(/เลขประจำตัวประชาชน/);
    expect(error.titleEn).toMatch(/national ID/);
    expect(error.detail).toContain(rule);
  });

  it("prints the usual grouping", () => {
    expect(formatNationalId("3101200123453")).toBe("3-1012-00123-45-3");
  });
});
