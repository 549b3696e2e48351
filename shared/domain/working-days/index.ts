export {
  CALENDAR_OVERRIDES,
  type CalendarOverrideEntry,
  type CalendarOverrideKind,
  type CalendarOverrideTable,
} from "./calendar-overrides";
export { type CalendarWarning, type CountedPeriod, calendarWarning } from "./calendar-warning";
export {
  type DurationSum,
  type DurationUnit,
  type ManualDuration,
  parseManualDuration,
  sumStepDurations,
} from "./durations";
export {
  addDays,
  BANGKOK_UTC_OFFSET_MINUTES,
  bangkokDateKey,
  bangkokInstant,
  type DateKey,
  isWeekend,
  OFFICE_CLOSE_MINUTE,
  OFFICE_MINUTES_PER_DAY,
  OFFICE_OPEN_MINUTE,
  type OfficeHoursPosition,
  officeClosing,
  officeHoursPosition,
  officeOpening,
  weekdayOf,
} from "./office-hours";
export {
  type CalendarCoverage,
  type DayOff,
  type DayOffKind,
  ThaiCalendar,
  type ThaiCalendarOptions,
} from "./thai-calendar";
export {
  type AddDurationOptions,
  type DeadlineOnNonWorkingDay,
  type DurationAmount,
  defaultWorkingDayClock,
  WorkingDayClock,
  type WorkingDayClockOptions,
} from "./working-day-clock";
