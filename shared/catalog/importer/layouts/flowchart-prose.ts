/**
 * The free text after a flowchart's documents: sections under short headings ("บทกำหนดโทษ",
 * "2.5 เงินเพิ่ม", "8. ค่าธรรมเนียมการจดทะเบียนพาณิชย์" …). A section's heading decides where it
 * goes: fees and tax rates → fees (a tax rate the applicant pays is a fee, of kind formula);
 * criteria, conditions, qualifications, how to apply → criteria; anything else → extraInfo.
 * A line stating a surcharge by percent (ค่าปรับเพิ่ม / เงินเพิ่ม … ร้อยละ …) is a fee too, of kind
 * surcharge, wherever it stands: the template's fee tables carry them the same way (004 line 2585).
 */
import type { BlockFee, ImportWarning, Located, ProcessBlock } from "../process-block";
import { readFeeTables } from "./flowchart-fee-table";
import { atMargin, located, type TextLine } from "./flowchart-text";

export interface Prose {
  criteria: Located[];
  /** null when no fee section or fee table was found: unknown, never free. */
  fees: BlockFee[] | null;
  extraInfo: ProcessBlock["extraInfo"];
  warnings: ImportWarning[];
}

const numbering = /^(\d+(\.\d+)*\.?)\s*/;
const headingWords =
  /^(บทกำหนดโทษ|การอุทธรณ์|เงินเพิ่ม|(กำหนด)?ระยะเวลา|อัตรา|การคำนวณ|ค่าธรรมเนียม|การขอคืน|การลดหย่อน|การยกเว้น|การผ่อนชำระ|การชำระ|ผู้มีหน้าที่|หลักเกณฑ์|หลักฐาน|เอกสารหลักฐาน|ขั้นตอน|คุณสมบัติ|วิธีการ|ปฏิทิน|ความรู้ทั่วไป)/;
const feeHeading = /ค่าธรรมเนียม|อัตรา(ค่า)?ภาษี|การคำนวณภาษี/;
const criteriaHeading = /หลักเกณฑ์|เงื่อนไข|คุณสมบัติ|วิธีการ|ขั้นตอนในการยื่นคำขอ/;
const listIntro = /(ดังนี้|ดังต่อไปนี้)$/;
const surcharge = /(?:ค่าปรับ|เงิน)เพิ่ม\S*\s?(?:อีก\s?)?ร้อยละ/;

/** Numbered headings are short noun phrases; an item that gives figures or examples is body text. */
const sentence = /ร้อยละ|จะต้อง|เช่น/;

function isHeading(line: TextLine, previous: TextLine | undefined): boolean {
  const numbered = numbering.test(line.clean) && /^\d/.test(line.clean);
  const text = line.clean.replace(numbering, "");
  if (text === "") return false;
  if (numbered)
    return headingWords.test(text) && text.length <= 60 && !/\d/.test(text) && !sentence.test(text);
  if (headingWords.test(text) && text.length <= 80 && !sentence.test(text)) return true;
  const afterBreak = !previous || previous.clean === "";
  const plain = atMargin(line) && !/^[-(]/.test(line.clean);
  return plain && afterBreak && (line.clean.length <= 60 || listIntro.test(line.clean));
}

/** "…ดังต่อไปนี้" with no figure of its own: it announces the rows, it is not one. */
function isIntro(line: TextLine): boolean {
  return listIntro.test(line.clean) && !/\d/.test(line.clean.replace(numbering, ""));
}

/** "2.5 เงินเพิ่ม" is at depth 2; an unnumbered heading at depth 0. */
function depth(heading: TextLine): number {
  const m = heading.clean.match(/^(\d+(?:\.\d+)*)/);
  return m?.[1] ? m[1].split(".").length : 0;
}

interface Section {
  heading: TextLine | null;
  body: TextLine[];
}

function sections(lines: TextLine[]): Section[] {
  const out: Section[] = [{ heading: null, body: [] }];
  lines.forEach((line, i) => {
    if (line.clean === "") return;
    if (isHeading(line, lines[i - 1])) out.push({ heading: line, body: [] });
    else out.at(-1)!.body.push(line);
  });
  return out;
}

/** "5.2 อัตราภาษีป้าย แบ่งเป็น 3 อัตรา ดังนี้" followed at once by "5.3 …": the list is not there. */
function missingLists(lines: TextLine[]): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const content = lines.filter((l) => l.clean !== "");
  content.forEach((line, i) => {
    const m = line.clean.match(/^(\d+(?:\.\d+)*)\s/);
    const next = content[i + 1]?.clean.match(/^(\d+(?:\.\d+)*)\s/);
    if (!m?.[1] || !next?.[1] || !/ดังนี้$/.test(line.clean)) return;
    const a = m[1].split(".");
    const b = next[1].split(".");
    const sibling =
      a.length === b.length &&
      a.slice(0, -1).join(".") === b.slice(0, -1).join(".") &&
      Number(b.at(-1)) === Number(a.at(-1)) + 1;
    if (sibling)
      warnings.push({ code: "listMissing", src: line.n, detail: `announces a list, next comes ${next[1]}` });
  });
  return warnings;
}

export function readProse(lines: TextLine[]): Prose {
  const table = readFeeTables(lines);
  const rest = lines.filter((_, i) => !table.taken.has(i));
  const criteria: Located[] = [];
  const extraInfo: ProcessBlock["extraInfo"] = [];
  let fees: BlockFee[] | null = table.fees.length > 0 ? [...table.fees] : null;
  const warnings = [...table.warnings, ...missingLists(rest)];
  // A fee heading's scope runs over its numbered sub-sections ("5." over "5.1", "5.1.1" …).
  let feeDepth: number | null = null;
  for (const { heading, body } of sections(rest)) {
    const title = heading?.clean ?? "";
    const d = heading ? depth(heading) : 0;
    const feeSection = heading !== null && feeHeading.test(title);
    const inFeeScope = !feeSection && feeDepth !== null && feeDepth > 0 && d > feeDepth;
    if (feeSection) feeDepth = d;
    else if (!inFeeScope) feeDepth = null;
    if (feeSection || inFeeScope) {
      fees ??= [];
      const lines = inFeeScope && heading ? [heading, ...body] : body;
      for (const line of lines) {
        if (isIntro(line)) extraInfo.push({ heading: title, text: located(line) });
        else fees.push({ cells: [line.raw.trim()], src: line.n });
      }
      if (feeSection && listIntro.test(title)) extraInfo.push({ heading: title, text: located(heading) });
    } else if (heading && criteriaHeading.test(title)) {
      if (listIntro.test(title)) criteria.push(located(heading));
      criteria.push(...body.map(located));
    } else if (body.length > 0) {
      for (const line of body.filter((l) => surcharge.test(l.clean))) {
        fees ??= [];
        fees.push({ cells: [line.raw.trim()], src: line.n });
      }
      extraInfo.push({
        heading: title,
        text: { text: body.map((l) => l.raw.trim()).join("\n"), src: body[0]!.n },
      });
    }
  }
  return { criteria, fees, extraInfo, warnings };
}
