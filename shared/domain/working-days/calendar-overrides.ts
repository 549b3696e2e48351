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
  /**
   * Years the table has been reviewed for (outside them only the library's data applies), and the last
   * year checked against the official list: later reviewed years hold estimates (`ThaiCalendar.coverage`).
   */
  coverage: { fromYear: number; toYear: number; verifiedThrough: number };
  entries: readonly CalendarOverrideEntry[];
}

const CABINET_2024_11_12 =
  "ครม. มติ 2024-11-12 (cabinet resolution of 12 พ.ย. 2567 on extra holidays 2568–2569)";
const SPECIAL_TH = "วันหยุดราชการเพิ่มเติมเป็นกรณีพิเศษ";
const SPECIAL_EN = "Special additional government holiday";
const ROYAL_PLOUGHING_TH = "วันพระราชพิธีพืชมงคลจรดพระนังคัลแรกนาขวัญ (หยุดเฉพาะหน่วยงานราชการ)";
const ROYAL_PLOUGHING_EN = "Royal Ploughing Ceremony Day (government offices only)";
const LUNAR_ESTIMATE =
  "provisional: Thai lunisolar calendar computation (python-holidays ThaiLunisolar); not in date-holidays 3.37; " +
  "replace with the year's official government holiday list when published";
/** 2024's facts were checked against the 2567 list as python-holidays records it (thailand.py and its tests). */
const LIST_2567 = "official 2567 holiday list (as recorded in python-holidays' Thailand data and tests)";
const MAKHA: Names = { nameTh: "วันมาฆบูชา", nameEn: "Makha Bucha Day" };
const VISAKHA: Names = { nameTh: "วันวิสาขบูชา", nameEn: "Visakha Bucha Day" };
const ASALHA: Names = { nameTh: "วันอาสาฬหบูชา", nameEn: "Asalha Bucha Day" };
const LENT: Names = { nameTh: "วันเข้าพรรษา", nameEn: "Buddhist Lent Day" };
/** Songkran gives one substitution day however many of its three days fall on a weekend. */
const ONE_SONGKRAN_SUBSTITUTION: Names = {
  nameTh: "วันทำการปกติ (สงกรานต์ตรงกับวันหยุดสุดสัปดาห์ ชดเชยเพียงหนึ่งวัน)",
  nameEn: "Working day (Songkran on a weekend gives one substitution day, not one per weekend day)",
};

type Names = Pick<CalendarOverrideEntry, "nameTh" | "nameEn">;

/** A lunar holiday whose date is our computation, pending the official list. */
const estimatedLunar = (date: string, names: Names): CalendarOverrideEntry => ({
  date,
  kind: "publicHoliday",
  ...names,
  source: LUNAR_ESTIMATE,
  provisional: true,
});

export const CALENDAR_OVERRIDES: CalendarOverrideTable = {
  version: "2026-12-03",
  coverage: { fromYear: 2024, toYear: 2030, verifiedThrough: 2026 },
  entries: [
    // ---- 2024 (พ.ศ. 2567) ----
    // Substitution days 26 Feb, 8 Apr, 16 Apr, 6 May, 22 Jul, 29 Jul and 14 Oct follow from the rule.
    {
      // Guard: the library data starts in 2024, but if it ever starts earlier the rule would add this day.
      date: "2024-01-02",
      kind: "notAHoliday",
      nameTh: "วันทำการปกติ (ชดเชยวันสิ้นปี 2566 ย้ายไปวันศุกร์ที่ 29 ธ.ค. 2566)",
      nameEn: "Working day (the substitution for Sun 31 Dec 2023 was moved to Fri 29 Dec 2023)",
      source: `${LIST_2567}; cabinet decision of Oct 2023 (python-holidays #1528)`,
    },
    {
      date: "2024-04-12",
      kind: "specialHoliday",
      nameTh: SPECIAL_TH,
      nameEn: SPECIAL_EN,
      source: "ครม. (cabinet) extra Songkran holiday announced Feb 2024 (Thai PBS; python-holidays #1690)",
    },
    {
      date: "2024-04-17",
      kind: "notAHoliday",
      ...ONE_SONGKRAN_SUBSTITUTION,
      source: `${LIST_2567}: Songkran Sat 13 – Mon 15 Apr, one substitution day Tue 16 Apr`,
    },
    {
      date: "2024-05-10",
      kind: "publicHoliday",
      nameTh: ROYAL_PLOUGHING_TH,
      nameEn: ROYAL_PLOUGHING_EN,
      source: "date set by the Bureau of the Royal Household: Fri 10 May 2024 (python-holidays #1626)",
    },
    {
      date: "2024-07-19",
      kind: "notAHoliday",
      nameTh: "วันทำการปกติ (date-holidays ระบุวันอาสาฬหบูชาผิดวัน)",
      nameEn: "Working day (date-holidays 3.37 misdates Asalha Bucha here)",
      source: "correction of date-holidays 3.37 data; Asalha Bucha 2024 was Sat 20 Jul",
    },
    { date: "2024-07-20", kind: "publicHoliday", ...ASALHA, source: `${LIST_2567}: Sat 20 Jul 2024` },
    { date: "2024-07-21", kind: "publicHoliday", ...LENT, source: `${LIST_2567}: Sun 21 Jul 2024` },
    {
      date: "2024-07-23",
      kind: "notAHoliday",
      nameTh: "วันทำการปกติ (อาสาฬหบูชาและเข้าพรรษาชดเชยรวมหนึ่งวัน)",
      nameEn: "Working day (Asalha Bucha and Buddhist Lent on a weekend give one substitution day)",
      source: `${LIST_2567}: Asalha Bucha Sat 20 + Lent Sun 21 Jul, one substitution day Mon 22 Jul`,
    },
    {
      date: "2024-12-30",
      kind: "specialHoliday",
      nameTh: SPECIAL_TH,
      nameEn: SPECIAL_EN,
      source: "ครม. (cabinet) extra New Year holiday, gazetted for 2567 (python-holidays #1626)",
    },

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

    // ---- 2027–2030 (พ.ศ. 2570–2573): estimates, every year provisional ----
    // Substitution days follow from the rule. Royal Ploughing Day (set yearly by the Royal Household) and
    // any cabinet-declared special day are missing until announced: add them then, and drop `provisional`.
    estimatedLunar("2027-02-21", MAKHA),
    estimatedLunar("2027-05-20", VISAKHA),
    estimatedLunar("2027-07-18", ASALHA),
    estimatedLunar("2027-07-19", LENT),
    estimatedLunar("2028-02-10", MAKHA),
    estimatedLunar("2028-05-08", VISAKHA),
    estimatedLunar("2028-07-06", ASALHA),
    estimatedLunar("2028-07-07", LENT),
    estimatedLunar("2029-02-27", MAKHA),
    {
      date: "2029-04-17",
      kind: "notAHoliday",
      ...ONE_SONGKRAN_SUBSTITUTION,
      source: "provisional: Songkran Fri 13 – Sun 15 Apr gives one substitution day, Mon 16 (as in 2018)",
      provisional: true,
    },
    estimatedLunar("2029-05-27", VISAKHA),
    estimatedLunar("2029-07-25", ASALHA),
    estimatedLunar("2029-07-26", LENT),
    estimatedLunar("2030-02-17", MAKHA),
    {
      date: "2030-04-17",
      kind: "notAHoliday",
      ...ONE_SONGKRAN_SUBSTITUTION,
      source: "provisional: Songkran Sat 13 – Mon 15 Apr gives one substitution day, Tue 16 (as in 2024)",
      provisional: true,
    },
    estimatedLunar("2030-05-16", VISAKHA),
    estimatedLunar("2030-07-14", ASALHA),
    estimatedLunar("2030-07-15", LENT),
  ],
};
