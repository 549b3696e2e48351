import { OFFICE_MINUTES_PER_DAY } from "./office-hours";

/**
 * Durations as the citizen manuals (คู่มือสำหรับประชาชน) write them, e.g. "15 นาที", "30 วันทำการ",
 * "45 ถึง 75 วันทำการ", "ภายใน 7 วัน". The raw text is always kept: the parse is our reading of it.
 */

export type DurationUnit = "minute" | "hour" | "day" | "workingDay" | "immediate";

export interface ManualDuration {
  raw: string;
  /** Lower bound; equals `max` unless the text states a range. */
  min: number | null;
  /** Upper bound: the binding one for deadlines. */
  max: number | null;
  /** `null` when the text could not be read; then `min` and `max` are `null` too. */
  unit: DurationUnit | null;
  /** "ภายใน" (within) / "ไม่เกิน" (not more than). Either way the number is an upper bound. */
  qualifier?: "within" | "notMoreThan";
}

const THAI_ZERO = 0x0e50;

/** Thai digits to ASCII, invisible characters out, thousands commas out, whitespace collapsed. */
function normalize(raw: string): string {
  return (
    raw
      .replace(/[\u0E50-\u0E59]/g, (c) => String(c.charCodeAt(0) - THAI_ZERO))
      .replace(/[\u200B-\u200D\u2060\uFEFF]/g, "")
      .replace(/(\d),(?=\d{3}(?!\d))/g, "$1")
      .replace(/\s+/g, " ")
      .trim()
      // A flowchart's time in its bubble: "( 1 นาที)".
      .replace(/^\((.*)\)$/, "$1")
      .trim()
  );
}

// Longer spellings first, so "วัน ทำการ" is not read as "วัน" followed by noise.
const UNIT = "(นาที|ชั่วโมง(?:\\s?ทำการ)?|ชม\\.?|วัน\\s?ทำการ|วัน|สัปดาห์)";
const NUM = "(\\d+(?:\\.\\d+)?)";
const QUALIFIER = "(ภายใน|ไม่เกินกว่า|ไม่เกิน)";
const RANGE_SEP = "(?:-|–|—|ถึง)";
const DURATION_RE = new RegExp(
  `^(?:${QUALIFIER}\\s?)?${NUM}\\s?(?:${UNIT}\\s?)?(?:${RANGE_SEP}\\s?${NUM}\\s?)?${UNIT}(.*)$`,
);
/** Trailing text may explain ("นับแต่วันที่เอกสารครบถ้วน", "/ราย") but must not add another amount. */
const SECOND_AMOUNT_RE = /\d\s?(?:นาที|ชั่วโมง|ชม|วัน|สัปดาห์)/;

function unitOf(word: string): { unit: DurationUnit; factor: number } {
  if (word === "นาที") return { unit: "minute", factor: 1 };
  if (word.startsWith("ชั่วโมง") || word.startsWith("ชม")) return { unit: "hour", factor: 1 };
  if (word.startsWith("วัน") && word.endsWith("ทำการ")) return { unit: "workingDay", factor: 1 };
  if (word === "สัปดาห์") return { unit: "day", factor: 7 };
  return { unit: "day", factor: 1 };
}

function unparseable(raw: string): ManualDuration {
  return { raw, min: null, max: null, unit: null };
}

/** Never throws: text it cannot read comes back with `unit: null`. */
export function parseManualDuration(raw: string): ManualDuration {
  if (typeof raw !== "string") return unparseable("");
  const text = normalize(raw);
  if (text === "") return unparseable(raw);
  // "ทันที", "ในทันที", "ดำเนินการทันที": no amount, so nothing to misread.
  if (!/\d/.test(text) && text.includes("ทันที")) return { raw, min: 0, max: 0, unit: "immediate" };

  const m = DURATION_RE.exec(text);
  if (!m) return unparseable(raw);
  const [, qualifierWord, firstNum, firstUnit, secondNum, unitWord = "", rest = ""] = m;
  if (SECOND_AMOUNT_RE.test(rest)) return unparseable(raw);
  const { unit, factor } = unitOf(unitWord);
  if (firstUnit !== undefined && (secondNum === undefined || unitOf(firstUnit).unit !== unit)) {
    return unparseable(raw);
  }
  const a = Number(firstNum) * factor;
  const b = secondNum === undefined ? a : Number(secondNum) * factor;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return unparseable(raw);

  const parsed: ManualDuration = { raw, min: Math.min(a, b), max: Math.max(a, b), unit };
  if (qualifierWord === "ภายใน") parsed.qualifier = "within";
  else if (qualifierWord !== undefined) parsed.qualifier = "notMoreThan";
  return parsed;
}

export interface DurationSum {
  min: number | null;
  max: number | null;
  /** "minute" if every known step is sub-day; else the day unit; `null` if no step could be read. */
  unit: DurationUnit | null;
  /** Sub-day steps were added together and rounded up to whole days, as the manuals do. */
  subDayRoundedUp: boolean;
  /** Calendar days and working days were added together (reported as "workingDay"). */
  mixedDayUnits: boolean;
  /** Steps without a readable duration: the sum leaves them out. */
  unknownSteps: number;
}

/**
 * The sum of a manual's step durations, rounded the way the manuals state their totals: sub-day steps are
 * added up and, when the process also has day-long steps, rounded up to whole office days of 8 hours
 * (15 นาที + 1 ชั่วโมง + 20 + 8 + 1 วัน → "30 วัน"). Informative only: the manual's stated total, or
 * the legal time limit, is what binds.
 */
export function sumStepDurations(durations: readonly (ManualDuration | null | undefined)[]): DurationSum {
  let minutesMin = 0;
  let minutesMax = 0;
  let daysMin = 0;
  let daysMax = 0;
  let calendarDays = false;
  let workingDays = false;
  let known = 0;
  let unknownSteps = 0;
  for (const d of durations) {
    const max = d?.max ?? d?.min ?? null;
    if (!d || d.unit === null || (max === null && d.unit !== "immediate")) {
      unknownSteps++;
      continue;
    }
    known++;
    const hi = max ?? 0;
    const lo = d.min ?? hi;
    if (d.unit === "minute" || d.unit === "hour") {
      const perUnit = d.unit === "hour" ? 60 : 1;
      minutesMin += lo * perUnit;
      minutesMax += hi * perUnit;
    } else if (d.unit === "day" || d.unit === "workingDay") {
      daysMin += lo;
      daysMax += hi;
      if (d.unit === "day") calendarDays = true;
      else workingDays = true;
    }
  }
  const base = { subDayRoundedUp: false, mixedDayUnits: false, unknownSteps };
  if (known === 0) return { ...base, min: null, max: null, unit: null };
  if (!calendarDays && !workingDays) {
    if (minutesMax === 0) return { ...base, min: 0, max: 0, unit: "immediate" };
    return { ...base, min: minutesMin, max: minutesMax, unit: "minute" };
  }
  const toDays = (minutes: number) => Math.ceil(minutes / OFFICE_MINUTES_PER_DAY);
  return {
    min: daysMin + toDays(minutesMin),
    max: daysMax + toDays(minutesMax),
    // Manuals mostly mean working days even when they write a bare "วัน" beside "วันทำการ".
    unit: workingDays ? "workingDay" : "day",
    subDayRoundedUp: minutesMax > 0,
    mixedDayUnits: calendarDays && workingDays,
    unknownSteps,
  };
}
