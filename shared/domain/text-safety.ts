/**
 * Which free text the service stores. Names, addresses, comments and file names are printed on the
 * license, shown by the public verify endpoint, written to logs and into officers' screens, so a
 * character that is invisible or that reorders or restyles what follows it (bidi overrides, ANSI
 * escapes, zero-width characters, NUL, CRLF in a one-line field) would let a caller show a reader
 * something other than what is stored. Pure rules, no zod: `shared/schemas/safe-text.ts` wraps them.
 *
 * Thai text is letters (Lo) and combining vowels and tone marks (Mn: U+0E31, U+0E34–0E3A,
 * U+0E47–0E4E), none of which is a control (Cc) or format (Cf) character, so it passes unchanged.
 */
export type TextKind =
  /** One line: names, places, numbers. No line break of any kind. */
  | "singleLine"
  /** Comments, findings, minutes, reasons: line feeds allowed, every other control refused. */
  | "multiLine"
  /** A single line that is also a bare file name: no path separator, not "." or "..". */
  | "fileName";

/**
 * NFC, so one text has one stored form (a Thai or Latin letter typed precomposed or decomposed
 * compares equal); in multi-line text CRLF and lone CR become LF, as browsers submit textareas.
 */
export function normalizeText(value: string, kind: TextKind): string {
  const nfc = value.normalize("NFC");
  return kind === "multiLine" ? nfc.replace(/\r\n?/g, "\n") : nfc;
}

const lineBreaks = new Set([0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0x2028, 0x2029]);
/** Letters, digits, punctuation, symbols: what leaves ink on the printed license. */
const visible = /[\p{L}\p{N}\p{P}\p{S}]/u;
/** Letters and symbols that draw nothing (Hangul fillers, the blank Braille pattern). */
const blanks = /[\u115F\u1160\u3164\uFFA0\u2800]/gu;

/**
 * The first rule `value` breaks, as a message naming it and the offending code point; undefined
 * when it is safe. Expects `normalizeText`'s output. An empty (or all-space) value passes: the
 * length bounds, checked after trimming, refuse it with their own message.
 */
export function textProblem(value: string, kind: TextKind): string | undefined {
  for (const char of value) {
    const cp = char.codePointAt(0)!;
    if (lineBreaks.has(cp) && !(cp === 0x0a && kind === "multiLine"))
      return kind === "multiLine"
        ? `contains a line or paragraph separator other than \\n (${codePoint(cp)})`
        : `contains a line break (${codePoint(cp)}); this field is a single line`;
    if (/\p{Cs}/u.test(char))
      return `contains a lone surrogate (${codePoint(cp)}); the text is not valid UTF-16`;
    if (/[\p{Cc}\p{Cf}]/u.test(char) && cp !== 0x0a)
      return `contains a control or format character (${codePoint(cp)})`;
  }
  const trimmed = value.trim();
  if (trimmed !== "" && !visible.test(trimmed.replace(blanks, "")))
    return "must contain at least one visible character";
  if (kind === "fileName") {
    const separator = /[/\\]/.exec(trimmed)?.[0];
    if (separator) return `must be a file name without a path separator (${separator})`;
    if (trimmed === "." || trimmed === "..") return 'must be a file name, not "." or ".."';
  }
  return undefined;
}

export function isSafeText(value: string, kind: TextKind): boolean {
  return textProblem(normalizeText(value, kind), kind) === undefined;
}

function codePoint(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}
