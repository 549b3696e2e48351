/**
 * "Documents to bring" in a flowchart manual. Three shapes: a numbered list; one list per case side
 * by side, the cases as TAB-separated column headers (003 process 1); and one block per case (new,
 * renewal, closure …), each a "กรณี…" header and its list. A case may point at another process's
 * list instead of giving one: that is reported, and no item is made up for it.
 */
import type { BlockDocument, ImportWarning } from "../process-block";
import { atMargin, numberedItem, type TextLine } from "./flowchart-text";

export interface DocumentsSection {
  documents: BlockDocument[];
  /** First and last line read as the documents section; null when the process has none. */
  lines: [number, number] | null;
  warnings: ImportWarning[];
}

const documentsHeading = /เอกสารที่ต้องนำมา|หลักฐานประกอบการขอ|^เอกสารประกอบ$|(เอกสาร|หลักฐาน)\S*\s*ที่ต้อง(นำ)?มา/;
const reference = /เช่นเดียว|เหมือนกับ/;
/** A line that certifies the others ("รับรองเอกสารถูกต้อง…"), not a document to bring. */
const certification = /^รับรอง(เอกสาร|สำเนา)/;
const listIntro = /(ดังนี้|ดังต่อไปนี้)$/;

/** "กรณี…" on its own line, or numbered at the margin ("2.กรณีขอต่ออายุใบอนุญาต"). */
function caseHeader(line: TextLine): string | null {
  const item = numberedItem(line.raw);
  if (item && atMargin(line) && /^กรณี/.test(item.text)) return item.text;
  if (!item && /^กรณี/.test(line.clean)) return line.raw.trim();
  return null;
}

/** Where TAB stops put a cell on the page; Thai vowel and tone marks take no width. */
function tabCells(raw: string): { col: number; text: string }[] {
  const cells: { col: number; text: string }[] = [];
  let col = 0;
  let current: { col: number; text: string } | null = null;
  for (const ch of raw) {
    if (ch === "\t") {
      if (current?.text.trim()) cells.push({ col: current.col, text: current.text.trim() });
      current = null;
      col = (Math.floor(col / 8) + 1) * 8;
      continue;
    }
    if (!current) current = { col, text: "" };
    current.text += ch;
    if (!/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/.test(ch)) col++;
  }
  if (current?.text.trim()) cells.push({ col: current.col, text: current.text.trim() });
  return cells;
}

function startOf(lines: TextLine[], from: number): number {
  // A case header may stand above the heading, with sub-case lines ("- ขออนุญาตเร่ขาย") between.
  let i = from - 1;
  while (i >= 0 && (lines[i]?.clean === "" || lines[i]?.clean.startsWith("-"))) i--;
  const line = lines[i];
  return line && caseHeader(line) && from - i <= 4 ? i : from;
}

export function readDocuments(lines: TextLine[]): DocumentsSection {
  const warnings: ImportWarning[] = [];
  const documents: BlockDocument[] = [];
  const headingAt = lines.findIndex((l) => documentsHeading.test(l.clean));
  if (headingAt < 0) return { documents, lines: null, warnings };
  const heading = lines[headingAt]!;

  let caseLabel: string | undefined;
  let columns: { col: number; label: string }[] | null = null;
  let lastSeq = 0;
  let dashListOpen = true;
  let last = heading.n;
  const start = startOf(lines, headingAt);
  for (const line of lines.slice(start)) {
    if (line.clean === "") continue;
    if (line !== heading && documentsHeading.test(line.clean) && !numberedItem(line.raw)) {
      dashListOpen = true;
    } else if (line === heading) {
      dashListOpen = true;
    } else if (
      columns === null &&
      tabCells(line.raw).length >= 2 &&
      tabCells(line.raw).every((c) => /^กรณี/.test(c.text))
    ) {
      columns = tabCells(line.raw).map((c) => ({ col: c.col, label: c.text }));
    } else if (columns && line.raw.includes("\t") && numberedItem(line.raw.trim())) {
      for (const cell of tabCells(line.raw)) {
        const item = numberedItem(cell.text);
        const column = [...columns].reverse().find((c) => c.col <= cell.col) ?? columns[0];
        if (item)
          documents.push({ seq: item.seq, text: { text: item.text, src: line.n }, caseLabel: column?.label });
      }
    } else if (caseHeader(line)) {
      const label = caseHeader(line)!;
      caseLabel = label;
      lastSeq = 0;
      dashListOpen = listIntro.test(line.clean);
      if (reference.test(label))
        warnings.push({
          code: "documentsByReference",
          src: line.n,
          detail: `${label}: a reference, no list`,
        });
    } else if (numberedItem(line.raw)) {
      const item = numberedItem(line.raw)!;
      if (item.seq <= lastSeq) break; // numbering starts again: another list, outside this section
      lastSeq = item.seq;
      if (reference.test(item.text))
        warnings.push({
          code: "documentsByReference",
          src: line.n,
          detail: `${item.text}: a reference, no item`,
        });
      else if (certification.test(item.text))
        warnings.push({ code: "documentNote", src: line.n, detail: item.text });
      else documents.push({ seq: item.seq, text: { text: item.text, src: line.n }, caseLabel });
    } else if (line.clean.startsWith("-")) {
      const text = line.raw.trim().replace(/^-\s*/, "");
      if (!dashListOpen) warnings.push({ code: "documentsSubCase", src: line.n, detail: text });
      else if (certification.test(line.clean.replace(/^-\s*/, "")))
        warnings.push({ code: "documentNote", src: line.n, detail: text });
      else documents.push({ seq: null, text: { text, src: line.n }, caseLabel });
    } else break;
    last = line.n;
  }
  if (documents.length === 0)
    warnings.push({ code: "documentsEmpty", src: heading.n, detail: "a documents heading with no list" });
  return { documents, lines: [lines[start]?.n ?? heading.n, last], warnings };
}
