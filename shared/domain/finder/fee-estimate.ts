import type { Fee } from "../../catalog/schema";

/**
 * What applying will cost, as far as the manual says:
 * - fixed: exactly `amountTHB` (the sum of the fixed fees that apply);
 * - upTo: at most `amountTHB` (fixed fees plus the highest cap or scheduled maximum);
 * - perRegulation: set by a regulation or formula the manual refers to; `amountTHB` is the fixed part
 *   known beside it, or null;
 * - unknown: the manual has no fee section, or names no amount (not the same as free).
 * Surcharges are penalties for paying late, not the fee, and count for nothing here.
 */
export interface FeeEstimate {
  kind: "fixed" | "upTo" | "perRegulation" | "unknown";
  amountTHB: number | null;
  th: string;
  en: string;
  /** The manual's fee lines the estimate is read from, as written. */
  rules: string[];
}

const baht = (n: number) => n.toLocaleString("en-US");

export function estimateFee(fees: readonly Fee[] | null, only?: readonly number[]): FeeEstimate {
  if (fees === null) return unknownFee([]);
  const chosen = only ? only.flatMap((i) => (fees[i] ? [fees[i]] : [])) : fees;
  const relevant = chosen.filter((f) => f.kind !== "surcharge");
  const rules = relevant.map((f) => f.raw);
  if (relevant.length === 0) return unknownFee([]);
  const fixed = relevant.reduce((sum, f) => sum + (f.kind === "fixed" ? (f.amountTHB ?? 0) : 0), 0);
  const hasFixed = relevant.some((f) => f.kind === "fixed" && f.amountTHB !== undefined);
  if (relevant.some((f) => f.kind === "byReference" || f.kind === "formula"))
    return hasFixed
      ? {
          kind: "perRegulation",
          amountTHB: fixed,
          th: `${baht(fixed)} บาท และค่าธรรมเนียมตามอัตราที่กฎหมายกำหนด`,
          en: `THB ${baht(fixed)} plus fees at the rates the regulations set`,
          rules,
        }
      : {
          kind: "perRegulation",
          amountTHB: null,
          th: "ตามอัตราที่กฎหมายกำหนด",
          en: "At the rates the regulations set",
          rules,
        };
  const maxima = relevant.filter((f) => f.kind !== "fixed" && f.maxTHB !== undefined).map((f) => f.maxTHB!);
  if (relevant.some((f) => f.kind !== "fixed" && f.maxTHB === undefined)) return unknownFee(rules);
  if (maxima.length > 0) {
    const upTo = fixed + Math.max(...maxima);
    return {
      kind: "upTo",
      amountTHB: upTo,
      th: `ไม่เกิน ${baht(upTo)} บาท`,
      en: `Up to THB ${baht(upTo)}`,
      rules,
    };
  }
  return { kind: "fixed", amountTHB: fixed, th: `${baht(fixed)} บาท`, en: `THB ${baht(fixed)}`, rules };
}

function unknownFee(rules: string[]): FeeEstimate {
  return {
    kind: "unknown",
    amountTHB: null,
    th: "คู่มือไม่ระบุค่าธรรมเนียม สอบถามหน่วยงาน",
    en: "The manual states no fee: ask the agency",
    rules,
  };
}
