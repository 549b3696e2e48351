/**
 * Lines of a flowchart manual as its readers walk them: the raw line (what a value keeps) beside
 * the cleaned one (what keywords are matched in). Word-processor exports wrap Thai text inside
 * flowchart boxes and lists, so wrapped pieces are joined here, once, for every reader.
 */

import { cleanText, manualLines } from "../manual-text";
import type { Located } from "../process-block";

export interface TextLine {
  n: number;
  raw: string;
  clean: string;
}

export function textLines(text: string): TextLine[] {
  return manualLines(text).map((l) => ({ n: l.n, raw: l.text, clean: cleanText(l.text) }));
}

/** Thai vowels and tone marks written above or below a consonant: they never start a word. */
const combiningMark = /^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/;

export function startsWithCombiningMark(text: string): boolean {
  return combiningMark.test(text);
}

const thaiLetter = /[\u0E00-\u0E7F]/;

/**
 * Pieces of one wrapped text joined as the page showed them: Thai has no spaces between words, so
 * a wrap between two Thai letters joins without one; elsewhere a space stands for the line break.
 */
export function joinWrapped(pieces: string[]): string {
  let out = "";
  for (const piece of pieces) {
    if (out === "") out = piece;
    else {
      const last = out.at(-1) ?? "";
      const first = piece[0] ?? "";
      const glued =
        /\s/.test(last) ||
        /\s/.test(first) ||
        /^[.,)]/.test(first) ||
        (thaiLetter.test(last) && thaiLetter.test(first));
      out += glued ? piece : ` ${piece}`;
    }
  }
  return out.trim();
}

/** A line's raw text trimmed, with its line: the Located every reader hands on. */
export function located(line: TextLine): Located {
  return { text: line.raw.trim(), src: line.n };
}

/** A list item's number ("1.", "๒)", "3 .") and what follows it, on raw text (Thai digits kept). */
const numbered = /^[\s\u00A0]*([0-9๐-๙]{1,3})\s*[.)](?![0-9๐-๙])\s*(.*)$/;

export function numberedItem(raw: string): { seq: number; text: string } | null {
  const m = raw.match(numbered);
  const text = m?.[2]?.trim();
  return text ? { seq: Number(cleanText(m?.[1] ?? "")), text } : null;
}

/** True when the raw line starts at the margin: 003 indents list items and body text, not headings. */
export function atMargin(line: TextLine): boolean {
  return /^[^\s\u00A0]/.test(line.raw);
}
