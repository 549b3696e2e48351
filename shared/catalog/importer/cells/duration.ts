import type { ManualDurationData } from "../../schema";
import { cleanText } from "../manual-text";
import { thaiNumberWordPrefix } from "./number-words";

/**
 * A duration as the manuals write it in a step's time cell, a flowchart's time line or a total:
 * "7 วัน", "30 วันทำการ", "27 วัน ทำการ", "15 นาที", "3 ชม./ราย", "45 ถึง 75 วันทำการ",
 * "ไม่เกิน 3 วัน", "ภายใน 15 วัน", "ทันที". Nothing is guessed: a missing number or unit leaves the
 * field null and `ambiguous` says what was missing, for the caller to report.
 */

type Unit = NonNullable<ManualDurationData["unit"]>;

const number = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
// "วัน ทำการ" (a space inside) is the same unit as "วันทำการ"; "ชม." is the short hour.
const unitWords = String.raw`วัน\s*ทำการ|วัน|นาที|ชั่วโมง|ชม\.?|เดือน|สัปดาห์|ปี`;
const durationPattern = new RegExp(
  String.raw`(ไม่เกิน|ภายใน)?\s*(${number})(?:\s*(?:ถึง|-|–|—)\s*(${number}))?\s*(${unitWords})`,
  "g",
);
const unitOnly = new RegExp(`(${unitWords})`);

/** Units the catalog has; a month or a week is kept as raw text with an ambiguity, not converted. */
function unitOf(word: string): Unit | null {
  const w = word.replace(/\s+/g, "");
  if (w === "วันทำการ") return "workingDay";
  if (w === "วัน") return "day";
  if (w === "นาที") return "minute";
  if (w === "ชั่วโมง" || w.startsWith("ชม")) return "hour";
  return null;
}

const toNumber = (text: string) => Number(text.replace(/,/g, ""));

export interface DurationMatch {
  /** The words matched, cleaned ("ไม่เกิน 3 วัน"). */
  text: string;
  index: number;
  min: number;
  max: number;
  unitWord: string;
  unit: Unit | null;
  qualifier?: "within" | "notMoreThan";
}

/** Every "number unit" in a cleaned text, with the qualifier written just before it. */
export function durationMatches(clean: string): DurationMatch[] {
  const found: DurationMatch[] = [];
  for (const m of clean.matchAll(durationPattern)) {
    const [whole, qualifier, from = "", to, unitWord = ""] = m;
    const min = toNumber(from);
    const max = to === undefined ? min : toNumber(to);
    const match: DurationMatch = {
      text: whole.trim(),
      index: m.index ?? 0,
      min,
      max,
      unitWord,
      unit: unitOf(unitWord),
    };
    if (qualifier) match.qualifier = qualifier === "ภายใน" ? "within" : "notMoreThan";
    found.push(match);
  }
  return found;
}

/** A number spelled in words before a unit ("สามสิบวัน"), where no digits were written. */
function wordedDuration(clean: string): DurationMatch | null {
  const m = clean.match(unitOnly);
  if (!m || m.index === undefined) return null;
  const before = clean.slice(0, m.index).replace(/\s+$/, "");
  for (let start = 0; start < before.length; start++) {
    const word = thaiNumberWordPrefix(before.slice(start));
    if (word && start + word.length === before.length) {
      return {
        text: clean.slice(start, m.index + m[0].length),
        index: start,
        min: word.value,
        max: word.value,
        unitWord: m[1] ?? "",
        unit: unitOf(m[1] ?? ""),
      };
    }
  }
  return null;
}

export function parseDuration(raw: string): { duration: ManualDurationData; ambiguous: string | null } {
  const trimmed = raw.trim();
  const clean = cleanText(raw);
  const unknown = (why: string, unit: Unit | null = null) => ({
    duration: { raw: trimmed, min: null, max: null, unit },
    ambiguous: why,
  });

  const matches = durationMatches(clean);
  const worded = matches.length === 0 ? wordedDuration(clean) : null;
  if (worded) matches.push(worded);

  if (matches.length === 0) {
    // "Immediately" is a duration of nothing: no waiting at this step.
    if (/ทันที/.test(clean))
      return { duration: { raw: trimmed, min: 0, max: 0, unit: "immediate" }, ambiguous: null };
    const unit = clean.match(unitOnly);
    if (unit?.[1]) return unknown(`unit "${unit[1]}" without a number`, unitOf(unit[1]));
    if (/\d/.test(clean)) return unknown(`a number without a unit: "${clean}"`);
    return unknown(clean ? `no duration in "${clean}"` : "empty duration");
  }

  const distinct = new Set(matches.map((m) => `${m.min}-${m.max}-${m.unitWord.replace(/\s+/g, "")}`));
  if (distinct.size > 1) {
    return unknown(`several durations: ${matches.map((m) => `"${m.text}"`).join(", ")}`);
  }
  const m = matches[0];
  if (!m) return unknown("no duration");
  if (m.unit === null) {
    return unknown(`unit "${m.unitWord}" is not one the catalog has (minute, hour, day, working day)`);
  }
  const duration: ManualDurationData = { raw: trimmed, min: m.min, max: m.max, unit: m.unit };
  const qualifier = matches.find((x) => x.qualifier)?.qualifier;
  if (qualifier) duration.qualifier = qualifier;
  return { duration, ambiguous: null };
}
