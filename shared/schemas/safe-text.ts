import * as z from "zod/mini";
import "./zod-locale";
import { normalizeText, type TextKind, textProblem } from "../domain/text-safety";

/**
 * Every free-text field of a request (and of a license type's form) is one of these, so the rules
 * of `shared/domain/text-safety.ts` hold wherever a caller's text is stored. In order: NFC (and LF
 * line endings in multi-line text), the character rules on the untrimmed text (a BOM or a CR at
 * the edges is refused, not silently trimmed), trimming, then the length bounds in UTF-16 units.
 * Checks, not a transform, so the OpenAPI document still says "string, minLength, maxLength".
 */
function safeText(kind: TextKind, min: number, max: number) {
  return z.string().check(
    z.overwrite((value) => normalizeText(value, kind)),
    z.superRefine((value, ctx) => {
      const problem = textProblem(value, kind);
      // One message per field: a refused character is the problem, not the length it leaves.
      if (problem) ctx.addIssue({ code: "custom", message: problem, input: value, continue: false });
    }),
    z.trim(),
    z.minLength(min),
    z.maxLength(max),
  );
}

/** Names, places, numbers: one line of visible text, min to max characters after trimming. */
export const singleLineText = (min: number, max: number) => safeText("singleLine", min, max);

/** Comments, findings, minutes, reasons: like a single line, but `\n` may separate lines. */
export const multiLineText = (min: number, max: number) => safeText("multiLine", min, max);

/** A file name as the applicant's computer named it: one line, no `/` or `\`, not `.` or `..`. */
export const fileNameText = (max = 255) => safeText("fileName", 1, max);
