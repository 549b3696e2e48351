import { nationalIdCheckDigit, parseNationalId } from "../national-id";
import { businessProblems } from "./errors";
import type { BusinessOperator } from "./types";

/**
 * A juristic person's registration number (เลขทะเบียนนิติบุคคล, also its tax ID) has 13 digits and the
 * same mod-11 check digit as a national ID; it starts with 0, the digit no person's ID starts with, so
 * a person's ID given for a company (or the reverse) is caught here and not at the agency's counter.
 */
export function parseJuristicRegistrationNumber(input: string): string {
  const digits = input.replace(/[\s-]/g, "");
  if (!/^\d{13}$/.test(digits))
    throw businessProblems.invalidOperatorId({
      en: "A juristic registration number has 13 digits",
      th: "เลขทะเบียนนิติบุคคลต้องมี 13 หลัก",
    });
  if (digits[0] !== "0")
    throw businessProblems.invalidOperatorId({
      en: "A juristic registration number starts with 0",
      th: "เลขทะเบียนนิติบุคคลต้องขึ้นต้นด้วย 0",
    });
  if (nationalIdCheckDigit(digits.slice(0, 12)) !== Number(digits[12]))
    throw businessProblems.invalidOperatorId({
      en: "The check digit (the 13th digit) does not match",
      th: "เลขตรวจสอบ (หลักที่ 13) ไม่ถูกต้อง",
    });
  return digits;
}

/** The operator with its ID as 13 bare digits, checked by the rule of its kind. */
export function normalizeOperator(operator: BusinessOperator): BusinessOperator {
  const idNumber =
    operator.type === "naturalPerson"
      ? parseNationalId(operator.idNumber)
      : parseJuristicRegistrationNumber(operator.idNumber);
  return { ...operator, idNumber };
}
