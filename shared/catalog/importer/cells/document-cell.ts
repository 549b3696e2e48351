import { cleanText } from "../manual-text";
import type { BlockDocument, ImportWarning } from "../process-block";

/**
 * One required document: the template's cell "<name> (<counts>) <category> (<notes>)" (004 line 339)
 * or a 003 list item ("1. สำเนาทะเบียนบ้าน"). Counts are only what the manual states: a "สำเนา…"
 * name without a count is a copy of unknown number (copies null), never "1 copy".
 */

export interface ParsedDocument {
  seq: number | null;
  name: string;
  category: "identity" | "additional" | null;
  originals: number | null;
  copies: number | null;
  countUnit: "ฉบับ" | "ชุด" | null;
  /** When the document is needed: "กรณีนิติบุคคล", "ถ้ามี" (outer parentheses dropped). */
  condition?: string;
  caseLabel?: string;
  group?: string;
  /** Other notes after the category: certification rules, boilerplate (004 lines 1036, 3075). */
  notes?: string[];
  raw: string;
  src: number;
}

type CountUnit = "ฉบับ" | "ชุด";

const countPart = String.raw`(ฉบับจริง|สำเนา)\s*(\d+)\s*(ฉบับ|ชุด)`;
const countGroup = new RegExp(String.raw`\(\s*${countPart}(?:\s*/\s*${countPart})?\s*\)`);
/** "(ฉบับจริง)" with no number (004 line 1731): an original, count not stated. */
const bareOriginal = /\(\s*ฉบับจริง\s*\)/;
const categoryWords = /เอกสารยืนยันตัวตน|เอกสารเพิ่มเติม/;
/** A 003 item's own count: "แบบแปลนก่อสร้าง 5 ชุด" (003 line 591). */
const trailingCount = /\s(\d+)\s*(ฉบับ|ชุด)\s*$/;

/** Top-level "( … )" groups of a text, nested ones included in their parent ("((กรณี…))"). */
function groups(text: string): { start: number; end: number; content: string }[] {
  const found: { start: number; end: number; content: string }[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "(" && depth++ === 0) start = i;
    else if (text[i] === ")" && depth > 0 && --depth === 0) {
      found.push({ start, end: i + 1, content: text.slice(start + 1, i) });
    }
  }
  return found;
}

/** "((กรณีบุคคลธรรมดา))" → "กรณีบุคคลธรรมดา". */
const unwrap = (text: string) =>
  text
    .replace(/^[\s(]+/, "")
    .replace(/[\s)]+$/, "")
    .trim();

const isCondition = (note: string) => /^(?:ใน)?กรณี|^ถ้ามี$|^หาก/.test(unwrap(note));
const groupNote = /^เอกสารในส่วนของ|^เอกสารที่ต้องยื่นเพิ่มเติม/;

export function parseDocument(doc: BlockDocument): { document: ParsedDocument; warnings: ImportWarning[] } {
  const src = doc.text.src;
  const warnings: ImportWarning[] = [];
  // 003's items come numbered ("1. …", "1.…") or bulleted ("- …").
  let text = cleanText(doc.text.text).replace(/^[-•]\s*/, "");
  let seq = doc.seq;
  const numbered = text.match(/^(\d+)\s*[.)]\s*/);
  if (numbered) {
    seq ??= Number(numbered[1]);
    text = text.slice(numbered[0].length);
  }

  let originals: number | null = null;
  let copies: number | null = null;
  let countUnit: CountUnit | null = null;
  let head = text;
  let tail = "";
  const counts = text.match(countGroup);
  if (counts?.index !== undefined) {
    head = text.slice(0, counts.index);
    tail = text.slice(counts.index + counts[0].length);
    const [, kind1 = "", n1 = "", unit1 = "", kind2, n2 = "", unit2 = ""] = counts;
    const pairs: [string, string, string][] = [[kind1, n1, unit1]];
    if (kind2) pairs.push([kind2, n2, unit2]);
    for (const [kind, n, unit] of pairs) {
      if (kind === "ฉบับจริง") originals = Number(n);
      else copies = Number(n);
      if (countUnit && countUnit !== unit) {
        warnings.push({ code: "countUnitsDiffer", src, detail: `${counts[0]}: unit kept "${countUnit}"` });
      }
      countUnit ??= unit as CountUnit;
    }
  }

  // The category follows the counts; without counts, the first category word outside parentheses.
  let category: ParsedDocument["category"] = null;
  const categoryIn = (part: string) => {
    const outside = groups(part).reduceRight(
      (t, g) => t.slice(0, g.start) + " ".repeat(g.end - g.start) + t.slice(g.end),
      part,
    );
    const m = outside.match(categoryWords);
    return m?.index === undefined ? null : { word: m[0], index: m.index };
  };
  const inTail = counts ? categoryIn(tail) : null;
  const inHead = counts ? null : categoryIn(head);
  if (inTail) {
    category = inTail.word === "เอกสารยืนยันตัวตน" ? "identity" : "additional";
    tail = tail.slice(0, inTail.index) + tail.slice(inTail.index + inTail.word.length);
  } else if (inHead) {
    category = inHead.word === "เอกสารยืนยันตัวตน" ? "identity" : "additional";
    tail = head.slice(inHead.index + inHead.word.length);
    head = head.slice(0, inHead.index);
  }

  const conditions: string[] = [];
  const notes: string[] = [];
  let group = doc.group;
  // Parentheses in the name: a case ("(กรณี…)", "(ถ้ามี)") is a condition; any other stays in the name.
  for (const g of groups(head).reverse()) {
    if (isCondition(g.content)) {
      conditions.unshift(unwrap(g.content));
      head = head.slice(0, g.start) + head.slice(g.end);
    } else if (bareOriginal.test(head.slice(g.start, g.end))) {
      head = head.slice(0, g.start) + head.slice(g.end);
      warnings.push({ code: "countWithoutNumber", src, detail: '"(ฉบับจริง)" without a number' });
    }
  }
  for (const g of groups(tail)) {
    const note = unwrap(g.content);
    if (isCondition(note)) conditions.push(note);
    else if (groupNote.test(note) && !group) group = note;
    else if (note) notes.push(note);
  }
  const loose = tail.replace(/\([^()]*(?:\([^()]*\)[^()]*)*\)/g, " ").trim();
  if (loose) (isCondition(loose) ? conditions : notes).push(loose);

  let name = head.replace(/\s+/g, " ").trim();
  // "หนังสือมอบอำนาจกรณีให้บุคคลอื่น…" (004 line 131): the case is written into the name.
  // "…ผู้จัดการหากไม่ใช่บุคคลเดียวกับผู้ถือใบอนุญาต" (003 line 888): "หาก" (if) opens a case too.
  const inner = name.match(/^(.+?)\s*((?:ใน)?กรณี.+|หาก.+)$/);
  if (inner?.[1] && inner[2]) {
    name = inner[1].trim();
    // A copying instruction glued to the case's end is a note, not part of the case.
    const glued = inner[2].trim().match(/^(.*?)\s*\(([^()]*)\)$/);
    if (glued?.[1] && glued[2] && !isCondition(glued[2])) {
      conditions.unshift(glued[1]);
      notes.push(glued[2]);
    } else conditions.unshift(inner[2].trim());
  }
  if (!name && conditions.length > 0) name = conditions.shift() ?? "";
  if (/^(?:ใน)?กรณี/.test(name)) {
    // The whole row is a case ("กรณีไม่มีสูติบัตร", 004 line 4020): the notes list what stands in for it.
    warnings.push({
      code: "documentIsCondition",
      src,
      detail: `row names a case, not a document: "${name}"`,
    });
  }

  if (!counts && category === null) {
    const own = name.match(trailingCount);
    if (own?.index !== undefined) {
      name = name.slice(0, own.index).trim();
      if (/^(?:สำเนา|ภาพถ่าย)/.test(name)) {
        copies = Number(own[1]);
        countUnit = own[2] as CountUnit;
      } else {
        warnings.push({
          code: "countKindUnknown",
          src,
          detail: `"${own[0].trim()}": original or copy not stated`,
        });
      }
    }
  } else if (!counts && !bareOriginal.test(text)) {
    warnings.push({ code: "countsMissing", src, detail: "template row without (ฉบับจริง/สำเนา N ฉบับ/ชุด)" });
  }
  if (/^สำเนา/.test(name) && originals !== null && copies === null) {
    warnings.push({ code: "copyCountedAsOriginal", src, detail: `"${name}" counted as ฉบับจริง ${originals}` });
  }
  if (!name) {
    name = cleanText(doc.text.text);
    warnings.push({ code: "documentWithoutName", src, detail: "no name before the counts" });
  }

  const document: ParsedDocument = {
    seq,
    name,
    category,
    originals,
    copies,
    countUnit,
    raw: doc.text.text,
    src,
  };
  if (conditions.length > 0) document.condition = conditions.join("; ");
  if (doc.caseLabel) document.caseLabel = doc.caseLabel;
  if (group) document.group = group;
  if (notes.length > 0) document.notes = notes;
  return { document, warnings };
}
