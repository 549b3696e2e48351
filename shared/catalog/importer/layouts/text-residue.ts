/**
 * Conversion residue in a manual's lines, reported where it stands: bookmarks and lost images of
 * the word processor, a literal "u3591" where a character was escaped, a vowel or tone mark broken
 * onto a line of its own, and letters of another script inside Thai words.
 */

import { foreignLetters } from "../manual-text";
import type { ImportWarning } from "../process-block";
import { startsWithCombiningMark, type TextLine } from "./flowchart-text";

export function residueWarnings(lines: TextLine[]): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  for (const line of lines) {
    const bookmark = line.raw.match(/\[bookmark:[^\]]*\]/i);
    if (bookmark) warnings.push({ code: "bookmark", src: line.n, detail: bookmark[0] });
    if (/\[image:[^\]]*\]/i.test(line.raw))
      warnings.push({ code: "imageLost", src: line.n, detail: "an image (figure or table) not in the text" });
    const escaped = line.raw.match(/[\u0E00-\u0E7F]u[0-9a-f]{4}|u[0-9a-f]{4}[\u0E00-\u0E7F]/i);
    if (escaped) warnings.push({ code: "escapedCharacter", src: line.n, detail: escaped[0] });
    if (startsWithCombiningMark(line.raw.trim()))
      warnings.push({ code: "splitVowel", src: line.n, detail: `"${line.raw.trim()}" alone on a line` });
    const foreign = foreignLetters(line.raw);
    if (foreign) warnings.push({ code: "foreignScript", src: line.n, detail: foreign });
  }
  return warnings;
}
