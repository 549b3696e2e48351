/**
 * Versioned corrections and additions to the `date-holidays` TH data, as data (no logic here).
 *
 * What belongs here, and why:
 * - `specialHoliday`: extra government days off declared by the cabinet (วันหยุดราชการเพิ่มเติมเป็นกรณีพิเศษ).
 *   No library can know these in advance.
 * - `publicHoliday`: annual government holidays the library lacks or dates wrongly — its Buddhist dates
 *   come from non-Thai lunar sources (two are off by one in 2025), it has no lunar dates after 2026, and
 *   it has no Royal Ploughing Day (วันพืชมงคล: a day off for government offices only, dated yearly by
 *   the Royal Household).
 * - `substitutionDay`: only when it cannot be left to the rule in thai-calendar.ts (holiday on a weekend →
 *   next working day), i.e. the cabinet moved a substitution day, or a row must replace a wrong library
 *   entry on the same date. `substituteFor` names the weekend holiday so the rule does not add a second one.
 * - `notAHoliday`: the date is a working day whatever the library or the substitution rule says (weekends
 *   stay days off). Used to strike wrong library dates and cabinet-cancelled substitution days.
 *
 * Any row on a date replaces what the library says about that date. Rows marked `provisional` are
 * estimates pending the official annual announcement: replace them and bump `version` when it appears.
 */

export type CalendarOverrideKind = "substitutionDay" | "specialHoliday" | "notAHoliday" | "publicHoliday";

export interface CalendarOverrideEntry {
  /** Bangkok civil date, YYYY-MM-DD. */
  date: string;
  kind: CalendarOverrideKind;
  nameTh: string;
  nameEn: string;
  /** Where the row comes from; says "provisional"/"estimate" when it is not an official announcement. */
  source: string;
  /** For `substitutionDay`: the weekend holiday it substitutes. */
  substituteFor?: string;
  /** True while the date is our estimate rather than the government's announcement. */
  provisional?: boolean;
}

export interface CalendarOverrideTable {
  /** Bumped whenever a row changes, so stored deadlines can say which calendar computed them. */
  version: string;
  /** Years the table has been reviewed for; outside them only the library's data applies. */
  coverage: { fromYear: number; toYear: number };
  entries: readonly CalendarOverrideEntry[];
}

const CABINET_2024_11_12 =
  "ครม. มติ 2024-11-12 (cabinet resolution of 12 พ.ย. 2567 on extra holidays 2568–2569)";
const SPECIAL_TH = "วันหยุดราชการเพิ่มเติมเป็นกรณีพิเศษ";
const SPECIAL_EN = "Special additional government holiday";
const ROYAL_PLOUGHING_TH = "วันพระราชพิธีพืชมงคลจรดพระนังคัลแรกนาขวัญ (หยุดเฉพาะหน่วยงานราชการ)";
const ROYAL_PLOUGHING_EN = "Royal Ploughing Ceremony Day (government offices only)";
const LUNAR_2027 =
  "provisional: Thai lunisolar calendar computation (python-holidays ThaiLunisolar); not in date-holidays 3.37; " +
  "replace with the official 2570 government holiday list when published";

export const CALENDAR_OVERRIDES: CalendarOverrideTable = {
  version: "2026-12-01",
  coverage: { fromYear: 2025, toYear: 2027 },
  entries: [
    // ---- 2025 (พ.ศ. 2568) ----
    {
      date: "2025-02-12",
      kind: "publicHoliday",
      nameTh: "วันมาฆบูชา",
      nameEn: "Makha Bucha Day",
      source: "official 2568 holiday list: Wed 12 Feb 2025 (date-holidays 3.37 has 13 Feb)",
    },
    {
      date: "2025-02-13",
      kind: "notAHoliday",
      nameTh: "วันทำการปกติ (date-holidays ระบุวันมาฆบูชาผิดวัน)",
      nameEn: "Working day (date-holidays 3.37 misdates Makha Bucha here)",
      source: "correction of date-holidays 3.37 data; Makha Bucha 2025 was 12 Feb",
    },
    {
      date: "2025-05-09",
      kind: "publicHoliday",
      nameTh: ROYAL_PLOUGHING_TH,
      nameEn: ROYAL_PLOUGHING_EN,
      source: "date set by the Bureau of the Royal Household: Fri 9 May 2025; government-only holiday",
    },
    {
      date: "2025-05-11",
      kind: "publicHoliday",
      nameTh: "วันวิสาขบูชา",
      nameEn: "Visakha Bucha Day",
      source: "official 2568 holiday list: Sun 11 May 2025 (date-holidays 3.37 has 12 May)",
    },
    {
      // Listed rather than left to the rule: this row must replace the library's wrong Visakha entry here.
      date: "2025-05-12",
      kind: "substitutionDay",
      nameTh: "วันหยุดชดเชยวันวิสาขบูชา",
      nameEn: "Substitution for Visakha Bucha Day",
      source: "substitution rule: holiday on weekend → next working day",
      substituteFor: "2025-05-11",
    },
    {
      date: "2025-06-02",
      kind: "specialHoliday",
      nameTh: SPECIAL_TH,
      nameEn: SPECIAL_EN,
      source: CABINET_2024_11_12,
    },
    // 11 Aug is a cabinet-declared bridge day before Mother's Day (Tue 12 Aug), not a substitution day.
    {
      date: "2025-08-11",
      kind: "specialHoliday",
      nameTh: SPECIAL_TH,
      nameEn: SPECIAL_EN,
      source: CABINET_2024_11_12,
    },

    // ---- 2026 (พ.ศ. 2569) ----
    {
      date: "2026-01-02",
      kind: "specialHoliday",
      nameTh: SPECIAL_TH,
      nameEn: SPECIAL_EN,
      source: CABINET_2024_11_12,
    },
    {
      date: "2026-05-13",
      kind: "publicHoliday",
      nameTh: ROYAL_PLOUGHING_TH,
      nameEn: ROYAL_PLOUGHING_EN,
      source:
        "date set by the Bureau of the Royal Household: Wed 13 May 2026 (as recorded in python-holidays #3044)",
    },
    // Deliberately absent: 2026-06-02 and 2026-07-31 were proposed as special days, but the cabinet
    // withdrew the proposal on 2025-12-02 (press reports). Add them here if it is ever approved.

    // ---- 2027 (พ.ศ. 2570) ----
    // Substitution days (22 Feb, 20 Jul, 25 Oct, 6 Dec) follow from the rule. Royal Ploughing Day 2027 is
    // not announced yet and is therefore missing: add it when the Royal Household sets the date.
    {
      date: "2027-02-21",
      kind: "publicHoliday",
      nameTh: "วันมาฆบูชา",
      nameEn: "Makha Bucha Day",
      source: LUNAR_2027,
      provisional: true,
    },
    {
      date: "2027-05-20",
      kind: "publicHoliday",
      nameTh: "วันวิสาขบูชา",
      nameEn: "Visakha Bucha Day",
      source: LUNAR_2027,
      provisional: true,
    },
    {
      date: "2027-07-18",
      kind: "publicHoliday",
      nameTh: "วันอาสาฬหบูชา",
      nameEn: "Asalha Bucha Day",
      source: LUNAR_2027,
      provisional: true,
    },
    {
      date: "2027-07-19",
      kind: "publicHoliday",
      nameTh: "วันเข้าพรรษา",
      nameEn: "Buddhist Lent Day",
      source: LUNAR_2027,
      provisional: true,
    },
  ],
};
