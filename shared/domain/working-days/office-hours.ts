/**
 * Bangkok civil time and government office hours, by plain offset arithmetic.
 *
 * Thailand keeps UTC+7 all year (no daylight saving since standard time was adopted), so a fixed offset
 * is exact and we need neither a timezone library nor the host's TZ setting. A "date key" is a Bangkok
 * civil date as "YYYY-MM-DD"; keys sort correctly as strings.
 */

export type DateKey = string;

export const BANGKOK_UTC_OFFSET_MINUTES = 7 * 60;
/** Government offices open 08:30–16:30 (the hours the citizen manuals state). */
export const OFFICE_OPEN_MINUTE = 8 * 60 + 30;
export const OFFICE_CLOSE_MINUTE = 16 * 60 + 30;
/** Office minutes in one working day (the lunch hour is not carved out: manuals do not do so either). */
export const OFFICE_MINUTES_PER_DAY = OFFICE_CLOSE_MINUTE - OFFICE_OPEN_MINUTE;

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const OFFSET_MS = BANGKOK_UTC_OFFSET_MINUTES * MS_PER_MINUTE;
export const OFFICE_OPEN_MS = OFFICE_OPEN_MINUTE * MS_PER_MINUTE;
export const OFFICE_CLOSE_MS = OFFICE_CLOSE_MINUTE * MS_PER_MINUTE;

const DATE_KEY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Throws on an Invalid Date: a NaN instant would otherwise flow silently into every deadline. */
export function assertValidInstant(instant: Date, what = "instant"): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`${what} is not a valid Date`);
  }
}

/** Days since 1970-01-01 of a Bangkok civil date. */
function epochDay(key: DateKey): number {
  const { year, month, day } = parseDateKey(key);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function keyOfEpochDay(days: number): DateKey {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Parses and validates a date key (rejects 2026-02-30 and the like). */
export function parseDateKey(key: DateKey): { year: number; month: number; day: number } {
  const m = DATE_KEY_RE.exec(key);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(key)}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new RangeError(`no such calendar date: ${key}`);
  }
  return { year, month, day };
}

export function yearOfKey(key: DateKey): number {
  return parseDateKey(key).year;
}

/** The Bangkok civil date an instant falls on. */
export function bangkokDateKey(instant: Date): DateKey {
  assertValidInstant(instant);
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Milliseconds since Bangkok midnight. */
export function bangkokMsOfDay(instant: Date): number {
  assertValidInstant(instant);
  const local = instant.getTime() + OFFSET_MS;
  return ((local % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
}

/** The instant at `minuteOfDay` Bangkok time on the given civil date. */
export function bangkokInstant(key: DateKey, minuteOfDay: number): Date {
  return new Date(epochDay(key) * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE - OFFSET_MS);
}

export function officeOpening(key: DateKey): Date {
  return bangkokInstant(key, OFFICE_OPEN_MINUTE);
}

export function officeClosing(key: DateKey): Date {
  return bangkokInstant(key, OFFICE_CLOSE_MINUTE);
}

export function addDays(key: DateKey, days: number): DateKey {
  return keyOfEpochDay(epochDay(key) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(key: DateKey): number {
  return new Date(epochDay(key) * MS_PER_DAY).getUTCDay();
}

export function isWeekend(key: DateKey): boolean {
  const d = weekdayOf(key);
  return d === 0 || d === 6;
}

export type OfficeHoursPosition = "beforeOpening" | "open" | "afterClosing";

/**
 * Where an instant falls relative to 08:30–16:30 on its Bangkok day (ignoring holidays). 16:30 itself
 * is "afterClosing": the office is closed at the closing time.
 */
export function officeHoursPosition(instant: Date): OfficeHoursPosition {
  const ms = bangkokMsOfDay(instant);
  if (ms < OFFICE_OPEN_MS) return "beforeOpening";
  if (ms < OFFICE_CLOSE_MS) return "open";
  return "afterClosing";
}
