import { describe, expect, it } from "vitest";
import {
  CALENDAR_OVERRIDES,
  type CalendarOverrideTable,
  ThaiCalendar,
} from "../../../shared/domain/working-days";

const calendar = new ThaiCalendar();
const weekday = (date: string) =>
  ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][new Date(`${date}T00:00:00Z`).getUTCDay()]!;
const sortByDate = <T extends { date: string }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => a.date.localeCompare(b.date));

describe("ThaiCalendar", () => {
  it("closes for Songkran 2026 (Mon 13 – Wed 15 April) and opens around it", () => {
    expect(calendar.isWorkingDay("2026-04-10")).toBe(true);
    expect(calendar.isWorkingDay("2026-04-13")).toBe(false);
    expect(calendar.isWorkingDay("2026-04-14")).toBe(false);
    expect(calendar.isWorkingDay("2026-04-15")).toBe(false);
    expect(calendar.isWorkingDay("2026-04-16")).toBe(true);
    expect(calendar.dayOff("2026-04-14")?.nameTh).toBe("วันสงกรานต์");
  });

  it("treats weekends as days off", () => {
    expect(calendar.isWorkingDay("2026-03-07")).toBe(false);
    expect(calendar.isWorkingDay("2026-03-08")).toBe(false);
    expect(calendar.isWorkingDay("2026-03-09")).toBe(true);
  });

  it("computes substitution days for weekend holidays", () => {
    const substitutions = {
      "2025-04-07": "2025-04-06", // Chakri on Sunday
      "2025-04-16": "2025-04-13", // Songkran Sun–Tue → Wednesday
      "2025-05-05": "2025-05-04", // Coronation Day on Sunday
      "2026-06-01": "2026-05-31", // Visakha Bucha on Sunday
      "2026-12-07": "2026-12-05", // Father's Day on Saturday
      "2027-10-25": "2027-10-23", // Chulalongkorn Day on Saturday
      "2027-12-06": "2027-12-05",
    };
    for (const [date, substituteFor] of Object.entries(substitutions)) {
      expect(calendar.dayOff(date), date).toMatchObject({ kind: "substitutionDay", substituteFor });
      expect(calendar.isWorkingDay(date), date).toBe(false);
    }
    expect(calendar.isWorkingDay("2025-04-17")).toBe(true);
    expect(calendar.isWorkingDay("2026-12-08")).toBe(true);
  });

  it("corrects the library's 2025 lunar dates", () => {
    expect(calendar.isWorkingDay("2025-02-12")).toBe(false);
    expect(calendar.isWorkingDay("2025-02-13")).toBe(true);
    expect(calendar.dayOff("2025-05-11")?.nameEn).toBe("Visakha Bucha Day");
    expect(calendar.dayOff("2025-05-12")).toMatchObject({
      kind: "substitutionDay",
      substituteFor: "2025-05-11",
    });
    expect(calendar.isWorkingDay("2025-05-13")).toBe(true);
  });

  it("includes the cabinet's special days of 12 Nov 2024", () => {
    for (const date of ["2025-06-02", "2025-08-11", "2026-01-02"]) {
      expect(calendar.dayOff(date), date).toMatchObject({ kind: "specialHoliday" });
      expect(calendar.dayOff(date)?.source).toContain("2024-11-12");
    }
  });

  it("closes on Royal Ploughing Day but not on Labour Day (government offices)", () => {
    expect(calendar.isWorkingDay("2026-05-13")).toBe(false);
    expect(calendar.isWorkingDay("2025-05-09")).toBe(false);
    expect(calendar.isWorkingDay("2026-05-01")).toBe(true);
  });

  it("knows 2027, with the lunar dates marked provisional", () => {
    expect(calendar.isWorkingDay("2027-02-21")).toBe(false);
    expect(calendar.dayOff("2027-02-22")).toMatchObject({ kind: "substitutionDay", provisional: true });
    expect(calendar.isWorkingDay("2027-02-23")).toBe(true);
    expect(calendar.isWorkingDay("2027-07-20")).toBe(false); // Asalha Sun 18 + Lent Mon 19 → Tue 20
    expect(calendar.isWorkingDay("2027-04-13")).toBe(false);
    expect(calendar.dayOff("2027-04-13")?.provisional).toBe(false);
    expect(calendar.isCovered(2027)).toBe(true);
  });

  it("knows 2024 as the official 2567 list has it: one substitution day for Songkran and for Asalha + Lent", () => {
    const daysOff = calendar
      .daysOff(2024)
      .filter((d) => !["Sat", "Sun"].includes(weekday(d.date)))
      .map((d) => `${d.date} ${d.kind}`);
    expect(daysOff).toEqual([
      "2024-01-01 publicHoliday",
      "2024-02-26 substitutionDay", // Makha Bucha on Saturday
      "2024-04-08 substitutionDay", // Chakri on Saturday
      "2024-04-12 specialHoliday",
      "2024-04-15 publicHoliday",
      "2024-04-16 substitutionDay", // Songkran Sat–Mon: one day, not two
      "2024-05-06 substitutionDay", // Coronation on Saturday
      "2024-05-10 publicHoliday", // Royal Ploughing Day
      "2024-05-22 publicHoliday",
      "2024-06-03 publicHoliday",
      "2024-07-22 substitutionDay", // Asalha Sat 20 + Lent Sun 21: one day
      "2024-07-29 substitutionDay",
      "2024-08-12 publicHoliday",
      "2024-10-14 substitutionDay",
      "2024-10-23 publicHoliday",
      "2024-12-05 publicHoliday",
      "2024-12-10 publicHoliday",
      "2024-12-30 specialHoliday",
      "2024-12-31 publicHoliday",
    ]);
    expect(calendar.dayOff("2024-07-20")?.nameEn).toBe("Asalha Bucha Day");
    expect(calendar.isWorkingDay("2024-07-19")).toBe(true); // the library's wrong date
    expect(calendar.isWorkingDay("2024-01-02")).toBe(true);
  });

  it("keeps Visakha Bucha 2026 (Sun 31 May) with its substitution day Mon 1 June", () => {
    expect(calendar.dayOff("2026-05-31")?.nameEn).toBe("Vesak Day");
    expect(calendar.dayOff("2026-06-01")).toMatchObject({
      kind: "substitutionDay",
      substituteFor: "2026-05-31",
      provisional: false,
    });
    expect(calendar.nextWorkingDay("2026-05-29")).toBe("2026-06-02");
  });

  it("estimates the lunar holidays of 2028–2030 and gives Songkran one substitution day in 2029 and 2030", () => {
    for (const date of ["2028-05-08", "2029-05-27", "2030-07-14"])
      expect(calendar.dayOff(date), date).toMatchObject({ kind: "publicHoliday", provisional: true });
    expect(calendar.dayOff("2029-05-28")).toMatchObject({ kind: "substitutionDay", provisional: true });
    expect(calendar.isWorkingDay("2029-04-16")).toBe(false);
    expect(calendar.isWorkingDay("2029-04-17")).toBe(true);
    expect(calendar.isWorkingDay("2030-04-16")).toBe(false);
    expect(calendar.isWorkingDay("2030-04-17")).toBe(true);
  });

  it("reads a Date on its Bangkok civil date, not UTC", () => {
    expect(calendar.isWorkingDay(new Date("2026-04-10T16:59:59Z"))).toBe(true); // Fri 23:59:59 Bangkok
    expect(calendar.isWorkingDay(new Date("2026-04-10T17:00:00Z"))).toBe(false); // Sat 00:00 Bangkok
    expect(calendar.isWorkingDay(new Date("2026-04-15T17:00:00Z"))).toBe(true); // Thu 16 00:00 Bangkok
  });

  it("finds the next working day across a long holiday", () => {
    expect(calendar.nextWorkingDay("2026-04-10")).toBe("2026-04-16");
    expect(calendar.nextWorkingDay("2025-12-30")).toBe("2026-01-05");
  });

  it("rejects malformed dates", () => {
    expect(() => calendar.isWorkingDay("2026-02-30")).toThrow(RangeError);
    expect(() => calendar.isWorkingDay("13/04/2026")).toThrow(RangeError);
    expect(() => calendar.isWorkingDay(new Date("nope"))).toThrow(RangeError);
  });
});

describe("calendar coverage", () => {
  it("is verified through 2026, provisional 2027–2030 and unverified outside 2024–2030", () => {
    const byYear = Object.fromEntries(
      [2023, 2024, 2026, 2027, 2030, 2031].map((y) => [y, calendar.coverage(y)]),
    );
    expect(byYear).toEqual({
      2023: "unverified",
      2024: "verified",
      2026: "verified",
      2027: "provisional",
      2030: "provisional",
      2031: "unverified",
    });
    expect(calendar.coveredYears).toEqual({ fromYear: 2024, toYear: 2030 });
    expect(calendar.verifiedThrough).toBe(2026);
  });

  it("reads a date on its Bangkok year", () => {
    expect(calendar.coverage(new Date("2026-12-31T16:59:59Z"))).toBe("verified"); // 23:59:59 Bangkok
    expect(calendar.coverage(new Date("2026-12-31T17:00:00Z"))).toBe("provisional"); // 1 Jan 2027 Bangkok
    expect(calendar.coverage("2024-02-29")).toBe("verified");
  });

  it("calls a year with an estimated row provisional even before verifiedThrough", () => {
    const estimate = {
      date: "2025-03-10",
      kind: "specialHoliday",
      nameTh: "-",
      nameEn: "-",
      source: "provisional: test",
      provisional: true,
    } as const;
    const table = { ...CALENDAR_OVERRIDES, entries: [...CALENDAR_OVERRIDES.entries, estimate] };
    const withEstimate = new ThaiCalendar({ overrides: { ...table, entries: sortByDate(table.entries) } });
    expect(withEstimate.coverage(2025)).toBe("provisional");
    expect(withEstimate.coverage(2026)).toBe("verified");
  });
});

describe("override table semantics", () => {
  const withRows = (entries: CalendarOverrideTable["entries"]) =>
    new ThaiCalendar({ overrides: { ...CALENDAR_OVERRIDES, version: "test", entries } });

  it("lets notAHoliday cancel a rule substitution, and substituteFor move one", () => {
    const moved = withRows([
      { date: "2026-06-01", kind: "notAHoliday", nameTh: "-", nameEn: "-", source: "test" },
      {
        date: "2026-05-29",
        kind: "substitutionDay",
        nameTh: "-",
        nameEn: "-",
        source: "test",
        substituteFor: "2026-05-31",
      },
    ]);
    expect(moved.isWorkingDay("2026-06-01")).toBe(true);
    expect(moved.isWorkingDay("2026-05-29")).toBe(false);
    expect(moved.version).toBe("test");
  });

  it("falls back to the library alone without rows (2025 lunar dates then come out wrong)", () => {
    const bare = withRows([]);
    expect(bare.isWorkingDay("2025-02-13")).toBe(false);
    expect(bare.isWorkingDay("2025-06-02")).toBe(true);
    expect(bare.isWorkingDay("2025-04-16")).toBe(false); // the rule still runs
  });

  it("refuses two rows for one date", () => {
    const row = {
      date: "2026-03-10",
      kind: "specialHoliday",
      nameTh: "-",
      nameEn: "-",
      source: "t",
    } as const;
    expect(() => withRows([row, row])).toThrow(/two rows/);
  });

  it("keeps the bundled table sorted, dated and honest about provisional rows", () => {
    const dates = CALENDAR_OVERRIDES.entries.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
    for (const e of CALENDAR_OVERRIDES.entries) {
      if (e.provisional) expect(e.source).toMatch(/provisional/);
      if (e.kind === "specialHoliday") expect(e.source).toMatch(/ครม\./);
    }
  });
});
