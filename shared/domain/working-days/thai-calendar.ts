import {
  CALENDAR_OVERRIDES,
  type CalendarOverrideEntry,
  type CalendarOverrideTable,
} from "./calendar-overrides";
import { addDays, bangkokDateKey, type DateKey, isWeekend, parseDateKey, yearOfKey } from "./office-hours";
import { type ThaiHolidayData, thaiHolidayData } from "./thai-holidays-data";

/**
 * Which days Thai government offices are closed: Saturdays, Sundays and the days below.
 *
 * Sources, in order of precedence (later wins):
 * 1. `date-holidays` (country "TH"), type "public" only, precomputed into thai-holidays.data.json so
 *    the library stays out of the Lambda bundles. Its TH data has no other types at all: every one
 *    of its entries is typed "public", and each is a real day off for government offices (New Year,
 *    Makha Bucha, Chakri, Songkran ×3, Coronation, Visakha Bucha, Queen Suthida's birthday, Asalha Bucha,
 *    Buddhist Lent, King's birthday, Mother's Day, 13 Oct, Chulalongkorn Day, Father's Day, Constitution
 *    Day, New Year's Eve). It rightly leaves out Labour Day (1 May: a day off for private and bank staff,
 *    but government offices stay open) and Children's Day (a Saturday observance). What it lacks or gets
 *    wrong (no substitution days, Royal Ploughing Day, lunar dates after 2026, Asalha Bucha and Lent 2024,
 *    two 2025 dates) is fixed by the override table, and a table row on a date replaces the library's entry.
 * 2. The substitution rule (วันหยุดชดเชย): an annual holiday on a Saturday or Sunday gives one substitution
 *    day, the next weekday that is not already a day off. This is the cabinet's standing practice for
 *    government employees since 2001; one day per weekend date, so two holidays on the same Saturday give
 *    one day, and Songkran Sun–Tue gives Wednesday. Exceptions go in the table.
 * 3. The override table's `substitutionDay` / `specialHoliday` / `publicHoliday` rows.
 * 4. The table's `notAHoliday` rows, which make a weekday a working day whatever 1–3 say.
 */

export type DayOffKind = "publicHoliday" | "substitutionDay" | "specialHoliday";

/**
 * How far the days off of a year can be trusted:
 * - `verified`: the override table was checked against that year's official holiday list;
 * - `provisional`: reviewed, but with estimates (lunar dates not yet announced, no Royal Ploughing Day or
 *   cabinet-declared day yet), so a due date counted over it may still move;
 * - `unverified`: not reviewed: only the library's data, or none at all, so substitution, special and
 *   lunar days may be missing and would be counted as working days.
 */
export type CalendarCoverage = "verified" | "provisional" | "unverified";

export interface DayOff {
  date: DateKey;
  kind: DayOffKind;
  nameTh: string;
  nameEn: string;
  source: string;
  /** True when the date is an estimate pending the official announcement. */
  provisional: boolean;
  /** For substitution days: the weekend holiday substituted. */
  substituteFor?: DateKey;
}

export interface ThaiCalendarOptions {
  /** Defaults to the bundled CALENDAR_OVERRIDES. */
  overrides?: CalendarOverrideTable;
  /** Defaults to the generated table of date-holidays' Thai public holidays. */
  holidays?: ThaiHolidayData;
}

const LIBRARY_SOURCE = "date-holidays (TH, type public)";
const RULE_SOURCE = "substitution rule: holiday on weekend → next working day";
/** A run of days off longer than this means corrupt data, not a calendar: fail instead of looping. */
const MAX_DAYS_OFF_IN_A_ROW = 31;

export class ThaiCalendar {
  readonly overrides: CalendarOverrideTable;
  private readonly rows = new Map<DateKey, CalendarOverrideEntry>();
  /** Weekend holidays whose substitution day the table states explicitly. */
  private readonly explicitlySubstituted = new Set<DateKey>();
  /** Years with at least one estimated row. */
  private readonly provisionalYears = new Set<number>();
  private readonly holidays: ThaiHolidayData;
  private readonly annualCache = new Map<number, Map<DateKey, DayOff>>();
  private readonly yearCache = new Map<number, Map<DateKey, DayOff>>();

  constructor(options: ThaiCalendarOptions = {}) {
    this.overrides = options.overrides ?? CALENDAR_OVERRIDES;
    this.holidays = options.holidays ?? thaiHolidayData;
    for (const row of this.overrides.entries) {
      parseDateKey(row.date);
      if (this.rows.has(row.date)) throw new Error(`calendar overrides: two rows for ${row.date}`);
      if (row.substituteFor !== undefined) {
        if (row.kind !== "substitutionDay")
          throw new Error(`calendar overrides: ${row.date} has substituteFor`);
        parseDateKey(row.substituteFor);
        this.explicitlySubstituted.add(row.substituteFor);
      }
      this.rows.set(row.date, row);
      if (row.provisional) this.provisionalYears.add(yearOfKey(row.date));
    }
  }

  get version(): string {
    return this.overrides.version;
  }

  /** Whether the override table has been reviewed for this year (outside it, only library data). */
  isCovered(year: number): boolean {
    const { fromYear, toYear } = this.coveredYears;
    return year >= fromYear && year <= toYear;
  }

  /** The years both the library data and the reviewed table cover (verified or provisional). */
  get coveredYears(): { fromYear: number; toYear: number } {
    return {
      fromYear: Math.max(this.overrides.coverage.fromYear, this.holidays.fromYear),
      toYear: Math.min(this.overrides.coverage.toYear, this.holidays.toYear),
    };
  }

  /** The last year checked against an official holiday list. */
  get verifiedThrough(): number {
    return Math.min(this.overrides.coverage.verifiedThrough, this.coveredYears.toYear);
  }

  /** How far the days off of a date's (Bangkok) year, or of a year, can be trusted. */
  coverage(date: Date | DateKey | number): CalendarCoverage {
    const year = typeof date === "number" ? date : yearOfKey(toKey(date));
    if (!this.isCovered(year)) return "unverified";
    return year > this.verifiedThrough || this.provisionalYears.has(year) ? "provisional" : "verified";
  }

  /** A Date is read on its Bangkok civil date; a string must be a "YYYY-MM-DD" Bangkok date. */
  isWorkingDay(date: Date | DateKey): boolean {
    const key = toKey(date);
    return !isWeekend(key) && this.dayOff(key) === undefined;
  }

  /** The holiday on that date, if any (weekends are not reported: they are off by definition). */
  dayOff(date: Date | DateKey): DayOff | undefined {
    const key = toKey(date);
    return this.daysOffOf(yearOfKey(key)).get(key);
  }

  /** All holidays of a year, in date order. */
  daysOff(year: number): DayOff[] {
    return [...this.daysOffOf(year).values()].sort((a, b) => a.date.localeCompare(b.date));
  }

  /** The first working day strictly after the given date. */
  nextWorkingDay(date: Date | DateKey): DateKey {
    let key = toKey(date);
    for (let i = 0; i <= MAX_DAYS_OFF_IN_A_ROW; i++) {
      key = addDays(key, 1);
      if (this.isWorkingDay(key)) return key;
    }
    throw new Error(`no working day within ${MAX_DAYS_OFF_IN_A_ROW} days after ${toKey(date)}`);
  }

  private daysOffOf(year: number): Map<DateKey, DayOff> {
    let days = this.yearCache.get(year);
    if (!days) {
      days = this.build(year);
      this.yearCache.set(year, days);
    }
    return days;
  }

  private build(year: number): Map<DateKey, DayOff> {
    const days = new Map<DateKey, DayOff>(this.annual(year));
    // The previous year is included because a late-December weekend holiday substitutes into January.
    const annual = [...this.annual(year - 1).values(), ...this.annual(year).values()].sort((a, b) =>
      a.date.localeCompare(b.date),
    );
    const taken = new Set<DateKey>();
    const isOff = (key: DateKey) =>
      isWeekend(key) || this.isAnnual(key) || this.isPositiveRow(key) || taken.has(key);
    for (const holiday of annual) {
      // `annual` is keyed by date, so two holidays on one weekend date give one substitution day.
      if (!isWeekend(holiday.date) || this.explicitlySubstituted.has(holiday.date)) continue;
      let sub = addDays(holiday.date, 1);
      for (let i = 0; isOff(sub); i++) {
        if (i > MAX_DAYS_OFF_IN_A_ROW) throw new Error(`no substitution day for ${holiday.date}`);
        sub = addDays(sub, 1);
      }
      taken.add(sub);
      if (yearOfKey(sub) !== year) continue;
      days.set(sub, {
        date: sub,
        kind: "substitutionDay",
        nameTh: `วันหยุดชดเชย${holiday.nameTh}`,
        nameEn: `Substitution for ${holiday.nameEn}`,
        source: RULE_SOURCE,
        provisional: holiday.provisional,
        substituteFor: holiday.date,
      });
    }
    for (const row of this.overrides.entries) {
      if (yearOfKey(row.date) !== year) continue;
      if (row.kind === "notAHoliday") days.delete(row.date);
      else days.set(row.date, fromRow(row, row.kind));
    }
    return days;
  }

  /** Annual holidays (library + table `publicHoliday` rows): the ones that trigger substitution days. */
  private annual(year: number): Map<DateKey, DayOff> {
    const cached = this.annualCache.get(year);
    if (cached) return cached;
    const annual = new Map<DateKey, DayOff>();
    for (const h of this.holidays.years[String(year)] ?? []) {
      if (this.rows.has(h.date) || annual.has(h.date)) continue;
      annual.set(h.date, { ...h, kind: "publicHoliday", source: LIBRARY_SOURCE, provisional: false });
    }
    for (const row of this.overrides.entries) {
      if (row.kind === "publicHoliday" && yearOfKey(row.date) === year)
        annual.set(row.date, fromRow(row, row.kind));
    }
    this.annualCache.set(year, annual);
    return annual;
  }

  private isAnnual(key: DateKey): boolean {
    return this.annual(yearOfKey(key)).has(key);
  }

  private isPositiveRow(key: DateKey): boolean {
    const row = this.rows.get(key);
    return row !== undefined && row.kind !== "notAHoliday";
  }
}

function fromRow(row: CalendarOverrideEntry, kind: DayOffKind): DayOff {
  const day: DayOff = {
    date: row.date,
    kind,
    nameTh: row.nameTh,
    nameEn: row.nameEn,
    source: row.source,
    provisional: row.provisional ?? false,
  };
  if (row.substituteFor !== undefined) day.substituteFor = row.substituteFor;
  return day;
}

function toKey(date: Date | DateKey): DateKey {
  if (typeof date === "string") {
    parseDateKey(date);
    return date;
  }
  return bangkokDateKey(date);
}
