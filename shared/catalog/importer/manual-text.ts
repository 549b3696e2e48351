/**
 * The manual's text as readers match it. Manuals come as exports of word processors and PDFs:
 * Thai or Arabic digits, no-break spaces, HTML, LaTeX and Markdown left inside cells, bookmarks and
 * image placeholders. Matching is done on the cleaned text; values keep the raw text beside them.
 */

const thaiDigits = "๐๑๒๓๔๕๖๗๘๙";

/** ๐–๙ → 0–9; every other character unchanged. */
export function arabicDigits(text: string): string {
  return text.replace(/[๐-๙]/g, (d) => String(thaiDigits.indexOf(d)));
}

/** One line of the manual with its 1-based number. */
export interface ManualLine {
  n: number;
  text: string;
}

export function manualLines(text: string): ManualLine[] {
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .map((line, i) => ({ n: i + 1, text: line }));
}

/**
 * Markup residue removed, digits Arabic, spaces collapsed: the text a reader matches keywords in
 * and a value is cut from. Letters are left as they are (a look-alike letter from another script
 * is reported, not replaced).
 */
export function cleanText(text: string): string {
  return arabicDigits(text)
    .replace(/\[(?:bookmark|image):[^\]]*\]/gi, " ")
    .replace(/<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi, " ")
    .replace(/\$([^$]*)\$/g, (_, tex: string) => latexText(tex))
    .replace(/\*\*|__/g, "")
    .replace(/[\u00A0\u2000-\u200B\u202F\u205F\u3000\t]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** `$fc > 65 \text{ ksc.}$` → `fc > 65 ksc.`: the words of an inline formula, without its commands. */
function latexText(tex: string): string {
  return tex
    .replace(/\\text\{([^}]*)\}/g, "$1")
    .replace(/\\[a-zA-Z]+/g, " ")
    .replace(/[{}]/g, "");
}

/** A number as the manuals write it: Thai or Arabic digits, thousands commas, a decimal point. */
export function parseManualNumber(text: string): number | null {
  const m = arabicDigits(text).match(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/);
  return m ? Number(m[0].replace(/,/g, "")) : null;
}

/** Letters of Devanagari, Bengali or Georgian inside Thai words: a conversion error to report. */
export function foreignLetters(text: string): string | null {
  const m = text.match(/[\u0900-\u097F\u0980-\u09FF\u10A0-\u10FF]+/);
  return m ? m[0] : null;
}
