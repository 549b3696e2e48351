import { bangkokDateKey, yearOfKey } from "./office-hours";
import type { CalendarCoverage, ThaiCalendar } from "./thai-calendar";

/**
 * Said with due dates that were counted over a year whose holidays are not verified, so an officer
 * relying on them knows to check: the calendar never silently counts an unknown year as ordinary.
 */
export interface CalendarWarning {
  /** The worst coverage of the years crossed. */
  coverage: Exclude<CalendarCoverage, "verified">;
  /** The Bangkok years crossed that are not verified, ascending. */
  years: number[];
  /** The override table's version the due dates were counted with (a later version may fix them). */
  calendarVersion: string;
  message: string;
  messageTh: string;
}

/** A period a due date was counted over: from the start of counting to the due time. */
export interface CountedPeriod {
  from: Date;
  to: Date;
}

/** The warning for due dates counted over these periods; undefined when every year crossed is verified. */
export function calendarWarning(
  calendar: ThaiCalendar,
  periods: readonly CountedPeriod[],
): CalendarWarning | undefined {
  const coverage = new Map<number, CalendarCoverage>();
  for (const { from, to } of periods) {
    const [first, last] = [bangkokYear(from), bangkokYear(to)].sort((a, b) => a - b) as [number, number];
    for (let year = first; year <= last; year++) coverage.set(year, calendar.coverage(year));
  }
  const years = [...coverage.keys()].filter((y) => coverage.get(y) !== "verified").sort((a, b) => a - b);
  if (years.length === 0) return undefined;
  const worst = years.some((y) => coverage.get(y) === "unverified") ? "unverified" : "provisional";
  const en = years.join(", ");
  const th = years.map((y) => y + 543).join(", ");
  return {
    coverage: worst,
    years,
    calendarVersion: calendar.version,
    ...(worst === "provisional"
      ? {
          message:
            `The holidays of ${en} are provisional (estimated lunar dates; Royal Ploughing Day and ` +
            "cabinet-declared days not yet announced): a due date counted over them may still move. " +
            "Check it against the official holiday list.",
          messageTh:
            `วันหยุดราชการปี พ.ศ. ${th} ยังเป็นข้อมูลประมาณการ (ยังไม่มีประกาศอย่างเป็นทางการ) ` +
            "วันครบกำหนดที่นับผ่านช่วงดังกล่าวอาจเปลี่ยนแปลง โปรดตรวจสอบกับประกาศวันหยุดราชการ",
        }
      : {
          message:
            `No reviewed holiday data for ${en}: holidays there may have been counted as working days. ` +
            "Check the due date by hand.",
          messageTh:
            `ไม่มีข้อมูลวันหยุดราชการที่ตรวจสอบแล้วของปี พ.ศ. ${th} ` +
            "วันหยุดในช่วงดังกล่าวอาจถูกนับเป็นวันทำการ โปรดตรวจสอบวันครบกำหนดอีกครั้ง",
        }),
  };
}

function bangkokYear(instant: Date): number {
  return yearOfKey(bangkokDateKey(instant));
}
