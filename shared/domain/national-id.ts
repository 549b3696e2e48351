import { problems } from "./errors";

/**
 * The Thai national ID number (เลขประจำตัวประชาชน): 13 digits, the last a check digit over the first
 * twelve, weighted 13 down to 2, modulo 11. Officer accounts are bound to one (DOMAIN.md §1), so a
 * typo must be caught when the account is written, not when someone later tries to match it.
 */
const separators = /[\s-]/g;

/**
 * The check digit of the first twelve digits, as the Department of Provincial Administration defines
 * it: (11 − (Σ dᵢ × (14 − i), i = 1..12) mod 11) mod 10. When the sum is a multiple of 11 the result
 * is 11 mod 10 = 1, not 0: taking 11 mod 11 first would refuse about one valid ID in eleven.
 */
export function nationalIdCheckDigit(firstTwelve: string): number {
  if (!/^\d{12}$/.test(firstTwelve)) throw new Error("Expected exactly 12 digits");
  let sum = 0;
  for (let i = 1; i <= 12; i++) sum += Number(firstTwelve[i - 1]) * (14 - i);
  return (11 - (sum % 11)) % 10;
}

/** The person's category (the first digit) runs 1 to 8: no ID is issued with 0 or 9 in front. */
const category = /^[1-8]/;

/** Which rule a candidate breaks, or undefined for a valid ID (given as 13 bare digits). */
function brokenRule(digits: string): { en: string; th: string } | undefined {
  if (!/^\d{13}$/.test(digits))
    return { en: "A Thai national ID has 13 digits", th: "เลขประจำตัวประชาชนต้องมี 13 หลัก" };
  if (!category.test(digits))
    return {
      en: "The first digit (the person's category) must be 1 to 8",
      th: "หลักแรก (ประเภทบุคคล) ต้องเป็น 1 ถึง 8",
    };
  if (nationalIdCheckDigit(digits.slice(0, 12)) !== Number(digits[12]))
    return { en: "The check digit (the 13th digit) does not match", th: "เลขตรวจสอบ (หลักที่ 13) ไม่ถูกต้อง" };
  return undefined;
}

/** The 13 digits without separators, or undefined when the input is not a valid national ID. */
export function normalizeNationalId(input: string): string | undefined {
  const digits = input.replace(separators, "");
  return brokenRule(digits) === undefined ? digits : undefined;
}

export function isValidNationalId(input: string): boolean {
  return normalizeNationalId(input) !== undefined;
}

/**
 * Accepts the printed form ("1-2345-67890-12-1") as well as bare digits or spaces, and returns the
 * 13 digits; anything else is a 400 INVALID_NATIONAL_ID, naming which rule failed.
 */
export function parseNationalId(input: string): string {
  const digits = input.replace(separators, "");
  const rule = brokenRule(digits);
  if (rule) throw problems.invalidNationalId(rule);
  return digits;
}

/** The printed grouping 1-2345-67890-12-1, for display. */
export function formatNationalId(digits: string): string {
  return digits.replace(/^(\d)(\d{4})(\d{5})(\d{2})(\d)$/, "$1-$2-$3-$4-$5");
}
