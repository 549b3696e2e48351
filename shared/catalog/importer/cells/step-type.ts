import type { ManualStep } from "../../schema";

/**
 * What kind of work a step is, which decides the workflow step it maps to (DESIGN.md's step flags).
 * The template names it: "ประเภท<type>". 003's flowchart boxes do not, and there the kind is inferred
 * from the box's words (see `inferStepType`).
 */

export type StepType = ManualStep["stepType"];

/** The template's five type labels; spacing inside a label varies ("ประเภท การพิจารณา", 004 line 3503). */
const templateLabels: [StepType, string[]][] = [
  ["documentCheck", ["การตรวจสอบเอกสาร"]],
  ["consideration", ["การพิจารณา"]],
  ["signingOrCommittee", ["การลงนาม/คณะกรรมการมีมติ", "การลงนาม", "คณะกรรมการมีมติ"]],
  // The renewal blocks lengthen the label: "…/คำสั่งไม่อนุญาตให้ต่ออายุใบอนุญาต" (004 line 2607).
  [
    "orderNotice",
    ["การแจ้งคำสั่งออกใบอนุญาต/คำสั่งไม่อนุญาตให้ต่ออายุใบอนุญาต", "การแจ้งคำสั่งออกใบอนุญาต/คำสั่งไม่อนุญาต", "การแจ้งคำสั่ง"],
  ],
  ["feePayment", ["ชำระค่าธรรมเนียม"]],
];

const spaced = (label: string) =>
  [...label].map((c) => c.replace(/[/.]/g, (x) => `\\${x}`)).join(String.raw`\s*`);

const labelPatterns: [StepType, RegExp][] = templateLabels.flatMap(([type, labels]) =>
  labels.map((l): [StepType, RegExp] => [type, new RegExp(`^${spaced(l)}`)]),
);

export interface TypedText {
  stepType: StepType;
  /** "ประเภท…" as written (spaces collapsed), or null when the text has no "ประเภท" prefix. */
  stepTypeRaw: string | null;
  /** The text after the label. */
  rest: string;
  /** The label runs straight into the description, or "ประเภท" has no label after it. */
  fused: "labelAndText" | "noLabel" | null;
}

/**
 * Splits "ประเภท<label> <description>" (cleaned text). A leading step number the reader left in the
 * cell ("1. ประเภท…", 004 line 3764) is skipped.
 */
export function splitTypeLabel(clean: string): TypedText | null {
  const m = clean.match(/^(?:\d+\s*\.?\s*)?ประเภท\s*/);
  if (!m) return null;
  const after = clean.slice(m[0].length);
  for (const [type, pattern] of labelPatterns) {
    const label = after.match(pattern);
    if (!label) continue;
    const rest = after.slice(label[0].length);
    // A Thai letter right after the label: the description was typed into the label's slot.
    const fused = /^[\u0E01-\u0E2E\u0E40-\u0E44]/.test(rest) ? "labelAndText" : null;
    return { stepType: type, stepTypeRaw: `ประเภท${label[0]}`, rest: rest.trim(), fused };
  }
  return { stepType: "other", stepTypeRaw: "ประเภท", rest: after.trim(), fused: "noLabel" };
}

/**
 * A flowchart box's kind, from its words. The rules are tried in order and the first that matches
 * wins; the order settles boxes that name two kinds of work:
 * 1. payment — ชำระ, ค่าธรรมเนียม, ใบเสร็จ ("ออกใบอนุญาต/ชำระค่าธรรมเนียม" is where the fee is paid);
 * 2. notice of the decision — แจ้ง… followed by คำสั่ง/ผล/ทราบ (not "รับแจ้ง", which is intake), or
 *    "ไม่ออกใบอนุญาต";
 * 3. document check — ยื่น, รับคำขอ/คำร้อง/แจ้ง, ตรวจสอบเอกสาร/คำขอ (an application names the licence
 *    it asks for, so this comes before the "อนุญาต" of rule 5);
 * 4. consideration — พิจารณา, ตรวจสอบ, ตรวจสถานที่, สำรวจ (004 files site inspections under
 *    การพิจารณา);
 * 5. signing — ลงนาม, อนุมัติ, อนุญาต, มีมติ;
 * otherwise other.
 */
export function inferStepType(clean: string): StepType {
  const t = withoutDeadlines(clean).replace(/\s+/g, "");
  if (/ชำระ|ค่าธรรมเนียม|ใบเสร็จ/.test(t)) return "feePayment";
  if (/(?<!รับ)แจ้ง.*(?:คำสั่ง|ผล|ทราบ)|ไม่ออกใบอนุญาต/.test(t)) return "orderNotice";
  if (/ยื่น|รับคำขอ|รับคำร้อง|รับแจ้ง|ตรวจสอบเอกสาร|ตรวจสอบคำขอ/.test(t)) return "documentCheck";
  if (/พิจารณา|พิเคราะห์|ตรวจสอบ|ตรวจสถานที่|สำรวจ/.test(t)) return "consideration";
  if (/ลงนาม|อนุมัติ|อนุญาต|มีมติ/.test(t)) return "signingOrCommittee";
  return "other";
}

/**
 * "… ภายใน 7 วัน นับแต่วันที่ได้รับคำขอ" says when, not what: "ได้รับคำขอ" there must not make a
 * decision box a document check.
 */
function withoutDeadlines(text: string): string {
  return text.replace(
    /(?:ภายใน|ไม่เกิน)\s*\d+\s*(?:วัน\s*ทำการ|วัน|นาที|ชั่วโมง|ชม\.?)\s*(?:นับ(?:แต่|จาก)\S*(?:\s\S+)?)?/g,
    " ",
  );
}

/** The template's order of step types: an application is received, considered, signed, told, paid. */
export const stepTypeOrder: readonly StepType[] = [
  "documentCheck",
  "consideration",
  "signingOrCommittee",
  "orderNotice",
  "feePayment",
  "other",
];
