import type { LicenseType } from "../catalog/schema";
import { problems } from "./errors";
import { amount } from "./texts/reader-format";

/**
 * The fee an officer sets on approval must follow the manual: equal to a fixed amount, within a cap
 * ("ฉบับละไม่เกิน 3,000 บาท"), or anything when the manual defers to a regulation or has no fee section.
 */
export function checkApprovalFee(licenseType: LicenseType, feeTHB: number): void {
  const fees = licenseType.manual.fees;
  if (!fees || fees.length === 0) return;
  // A fee by reference (a regulation's schedule), formula or schedule cannot be checked against the
  // manual's text: the officer applies the regulation (004 prints "0 บาท" for "see the regulation").
  if (fees.some((f) => f.kind === "byReference" || f.kind === "formula" || f.kind === "schedule")) return;
  const fixed = fees.filter((f) => f.kind === "fixed" && f.amountTHB !== undefined).map((f) => f.amountTHB!);
  const caps = fees.filter((f) => f.kind === "cap" && f.maxTHB !== undefined).map((f) => f.maxTHB!);
  if (fixed.length > 0 && caps.length === 0 && !fixed.includes(feeTHB))
    throw problems.invalidFee({
      en: `The manual sets the fee at ${fixed.map(amount).join(" or ")} THB`,
      th: `คู่มือกำหนดค่าธรรมเนียม ${fixed.map(amount).join(" หรือ ")} บาท`,
    });
  if (caps.length > 0 && feeTHB > Math.max(...caps, ...fixed))
    throw problems.invalidFee({
      en: `The manual caps the fee at ${amount(Math.max(...caps))} THB`,
      th: `คู่มือกำหนดค่าธรรมเนียมไม่เกิน ${amount(Math.max(...caps))} บาท`,
    });
}
