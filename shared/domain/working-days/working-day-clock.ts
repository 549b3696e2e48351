import { type CalendarWarning, type CountedPeriod, calendarWarning } from "./calendar-warning";
import type { DurationUnit, ManualDuration } from "./durations";
import {
  addDays,
  assertValidInstant,
  bangkokDateKey,
  bangkokMsOfDay,
  type DateKey,
  OFFICE_OPEN_MS,
  officeClosing,
  officeHoursPosition,
  officeOpening,
} from "./office-hours";
import { type CalendarCoverage, ThaiCalendar } from "./thai-calendar";

/**
 * Deadlines on the government working-day clock (Bangkok, 08:30–16:30, Mon–Fri less holidays).
 *
 * Counting rules, after the Civil and Commercial Code s.193/3 and the Administrative Procedure Act
 * B.E. 2539 s.64 ¶1:
 * - Counting starts at `startOfCounting`: the instant itself during office hours on a working day,
 *   otherwise 08:30 of that (working) day or of the next working day.
 * - Minutes and hours run from that instant, on office time only (16:00 + 1 h = 09:00 of the next
 *   working day), because sub-day periods count "from the moment" (CCC s.193/3 ¶1).
 * - Day periods do not count the first day, unless counting starts at the opening of business that day
 *   (CCC s.193/3 ¶2). So day 1 is the counting start's day when that start is 08:30 (e.g. a Friday-night
 *   submission counts Monday as day 1), and the following day otherwise (a Monday 10:00 submission counts
 *   Tuesday as day 1). A period of N days ends at 16:30 on day N.
 * - "workingDay": day 1..N are working days. "day": calendar days; if day N is not a working day, the
 *   deadline rolls to 16:30 of the next working day by default (see `DeadlineOnNonWorkingDay`).
 */

/**
 * What happens when a calendar-day period ends on a day the office is closed.
 *
 * Caution: APA s.64 is not one-sided. ¶3 rolls the last day forward only for a *person* who must act
 * within a period; ¶2 says that when *an authority* must act within a period, the last day counts even if
 * it is a holiday. "rollForward" (the default, as the product asked for) suits the applicant's deadlines;
 * "keep" is the stricter reading of ¶2 for the agency's own deadlines.
 */
export type DeadlineOnNonWorkingDay = "rollForward" | "keep";

export interface WorkingDayClockOptions {
  calendarDayDeadlineOnNonWorkingDay?: DeadlineOnNonWorkingDay;
}

export interface AddDurationOptions {
  /** Overrides the clock's setting for this call. */
  onNonWorkingDay?: DeadlineOnNonWorkingDay;
}

export interface DurationAmount {
  amount: number;
  unit: DurationUnit;
}

const MS_PER_MINUTE = 60_000;

export class WorkingDayClock {
  private readonly onNonWorkingDay: DeadlineOnNonWorkingDay;

  constructor(
    readonly calendar: ThaiCalendar,
    options: WorkingDayClockOptions = {},
  ) {
    this.onNonWorkingDay = options.calendarDayDeadlineOnNonWorkingDay ?? "rollForward";
  }

  /** How far the holidays of a date's Bangkok year (or of a year) can be trusted; see ThaiCalendar. */
  calendarCoverage(date: Date | DateKey | number): CalendarCoverage {
    return this.calendar.coverage(date);
  }

  /** The last year whose holidays were checked against the official list. */
  get verifiedThrough(): number {
    return this.calendar.verifiedThrough;
  }

  /** What to say with due dates counted over these periods: undefined when every year is verified. */
  calendarWarning(periods: readonly CountedPeriod[]): CalendarWarning | undefined {
    return calendarWarning(this.calendar, periods);
  }

  /** Whether the office is open at that instant (working day, 08:30 ≤ t < 16:30 Bangkok). */
  isOfficeOpen(instant: Date): boolean {
    return this.calendar.isWorkingDay(instant) && officeHoursPosition(instant) === "open";
  }

  /**
   * When a submission or confirmation made at `instant` starts to count: itself during office hours;
   * 08:30 the same day if before opening on a working day; otherwise 08:30 of the next working day
   * (after 16:30, 16:30 included, or on a day off).
   */
  startOfCounting(instant: Date): Date {
    assertValidInstant(instant);
    const key = bangkokDateKey(instant);
    if (this.calendar.isWorkingDay(key)) {
      const position = officeHoursPosition(instant);
      if (position === "open") return new Date(instant.getTime());
      if (position === "beforeOpening") return officeOpening(key);
    }
    return officeOpening(this.calendar.nextWorkingDay(key));
  }

  /**
   * `start` plus a duration on the rules above. Amount 0 gives the start of counting; fractional day
   * amounts round up (half a day still needs that day). Throws RangeError on negative or non-finite
   * amounts, which only a bug can produce.
   */
  addDuration(start: Date, d: DurationAmount, opts: AddDurationOptions = {}): Date {
    assertValidInstant(start, "start");
    if (!Number.isFinite(d.amount) || d.amount < 0) {
      throw new RangeError(`duration amount must be a finite number ≥ 0, got ${d.amount}`);
    }
    if (d.unit === "immediate") return new Date(start.getTime());
    const from = this.startOfCounting(start);
    switch (d.unit) {
      case "minute":
        return this.addOfficeMinutes(from, d.amount);
      case "hour":
        return this.addOfficeMinutes(from, d.amount * 60);
      case "workingDay":
        return this.addWorkingDays(from, Math.ceil(d.amount));
      case "day":
        return this.addCalendarDays(from, Math.ceil(d.amount), opts.onNonWorkingDay ?? this.onNonWorkingDay);
    }
  }

  /**
   * The due time of a manual duration from `start`, using `max` for ranges ("45 ถึง 75 วันทำการ" → 75).
   * An unreadable duration (`unit: null`) adds nothing and returns `start`: check `unit` first where that
   * must not pass silently.
   */
  dueAt(start: Date, duration: ManualDuration, opts: AddDurationOptions = {}): Date {
    assertValidInstant(start, "start");
    const amount = duration.max ?? duration.min;
    if (duration.unit === null || duration.unit === "immediate" || amount === null) {
      return new Date(start.getTime());
    }
    return this.addDuration(start, { amount, unit: duration.unit }, opts);
  }

  /**
   * Working days of a period that started at `a`, used up by `b`: the working days from day 1 (as
   * `addDuration` counts it) to `b`'s Bangkok date, both included. Never negative. By construction
   * `workingDaysBetween(s, addDuration(s, { amount: n, unit: "workingDay" })) === n`.
   */
  workingDaysBetween(a: Date, b: Date): number {
    assertValidInstant(b, "b");
    const last = bangkokDateKey(b);
    let key = this.firstCountedDay(this.startOfCounting(a));
    let count = 0;
    while (key <= last) {
      if (this.calendar.isWorkingDay(key)) count++;
      key = addDays(key, 1);
    }
    return count;
  }

  /** Day 1 of a day-based period whose counting starts at `from` (see the rules at the top). */
  private firstCountedDay(from: Date): DateKey {
    const key = bangkokDateKey(from);
    return bangkokMsOfDay(from) === OFFICE_OPEN_MS ? key : addDays(key, 1);
  }

  private addOfficeMinutes(from: Date, minutes: number): Date {
    let at = from.getTime();
    let remaining = minutes * MS_PER_MINUTE;
    let key = bangkokDateKey(from);
    for (;;) {
      const available = officeClosing(key).getTime() - at;
      if (remaining <= available) return new Date(at + remaining);
      remaining -= available;
      key = this.calendar.nextWorkingDay(key);
      at = officeOpening(key).getTime();
    }
  }

  private addWorkingDays(from: Date, n: number): Date {
    if (n === 0) return from;
    let key = this.firstCountedDay(from);
    if (!this.calendar.isWorkingDay(key)) key = this.calendar.nextWorkingDay(key);
    for (let counted = 1; counted < n; counted++) key = this.calendar.nextWorkingDay(key);
    return officeClosing(key);
  }

  private addCalendarDays(from: Date, n: number, onNonWorkingDay: DeadlineOnNonWorkingDay): Date {
    if (n === 0) return from;
    let last = addDays(this.firstCountedDay(from), n - 1);
    if (onNonWorkingDay === "rollForward" && !this.calendar.isWorkingDay(last)) {
      last = this.calendar.nextWorkingDay(last);
    }
    return officeClosing(last);
  }
}

let defaultClock: WorkingDayClock | undefined;

/** One shared clock on the bundled calendar (building a calendar parses the holiday data once). */
export function defaultWorkingDayClock(): WorkingDayClock {
  defaultClock ??= new WorkingDayClock(new ThaiCalendar());
  return defaultClock;
}
