import { describe, expect, it } from "vitest";
import {
  defaultWorkingDayClock,
  parseManualDuration,
  ThaiCalendar,
  WorkingDayClock,
} from "../../../shared/domain/working-days";

const clock = new WorkingDayClock(new ThaiCalendar());
/** An instant written in Bangkok wall-clock time. */
const bkk = (local: string) => new Date(`${local}+07:00`);

describe("startOfCounting", () => {
  it("counts a submission during office hours from that instant", () => {
    expect(clock.startOfCounting(bkk("2026-03-09T10:15:00"))).toEqual(bkk("2026-03-09T10:15:00"));
    expect(clock.startOfCounting(bkk("2026-03-09T08:30:00"))).toEqual(bkk("2026-03-09T08:30:00"));
    expect(clock.startOfCounting(bkk("2026-03-09T16:29:59"))).toEqual(bkk("2026-03-09T16:29:59"));
  });

  it("counts a submission before 08:30 on a working day from 08:30 that day", () => {
    expect(clock.startOfCounting(bkk("2026-03-09T06:00:00"))).toEqual(bkk("2026-03-09T08:30:00"));
  });

  it("counts a Friday after-hours submission from Monday 08:30", () => {
    expect(clock.startOfCounting(bkk("2026-03-06T18:00:00"))).toEqual(bkk("2026-03-09T08:30:00"));
    expect(clock.startOfCounting(bkk("2026-03-06T16:30:00"))).toEqual(bkk("2026-03-09T08:30:00"));
    expect(clock.startOfCounting(bkk("2026-03-07T11:00:00"))).toEqual(bkk("2026-03-09T08:30:00"));
  });

  it("counts a submission the evening before a holiday from the next working day", () => {
    // Fri 3 Apr 2026 evening; Mon 6 Apr is Chakri Day.
    expect(clock.startOfCounting(bkk("2026-04-03T19:00:00"))).toEqual(bkk("2026-04-07T08:30:00"));
    // Fri 10 Apr evening; Songkran Mon 13 – Wed 15.
    expect(clock.startOfCounting(bkk("2026-04-10T19:00:00"))).toEqual(bkk("2026-04-16T08:30:00"));
    // Tue 30 Dec 2025 evening; 31 Dec, 1 Jan, special day 2 Jan, weekend.
    expect(clock.startOfCounting(bkk("2025-12-30T17:00:00"))).toEqual(bkk("2026-01-05T08:30:00"));
  });

  it("uses Bangkok time whatever the instant's UTC date", () => {
    // 2026-03-08T23:00Z is Monday 06:00 in Bangkok.
    expect(clock.startOfCounting(new Date("2026-03-08T23:00:00Z"))).toEqual(new Date("2026-03-09T01:30:00Z"));
  });
});

describe("addDuration: minutes and hours run on office time", () => {
  it("stays within the day when it fits, up to 16:30 itself", () => {
    expect(clock.addDuration(bkk("2026-03-09T10:00:00"), { amount: 15, unit: "minute" })).toEqual(
      bkk("2026-03-09T10:15:00"),
    );
    expect(clock.addDuration(bkk("2026-03-09T15:30:00"), { amount: 1, unit: "hour" })).toEqual(
      bkk("2026-03-09T16:30:00"),
    );
  });

  it("carries over to the next working day's office hours", () => {
    expect(clock.addDuration(bkk("2026-03-09T16:00:00"), { amount: 45, unit: "minute" })).toEqual(
      bkk("2026-03-10T08:45:00"),
    );
    // Fri 16:00 + 2 h: 30 min on Friday, 90 min after Songkran.
    expect(clock.addDuration(bkk("2026-04-10T16:00:00"), { amount: 2, unit: "hour" })).toEqual(
      bkk("2026-04-16T10:00:00"),
    );
  });

  it("starts an after-hours request at the next opening", () => {
    expect(clock.addDuration(bkk("2026-03-06T20:00:00"), { amount: 15, unit: "minute" })).toEqual(
      bkk("2026-03-09T08:45:00"),
    );
  });
});

describe("addDuration: working days", () => {
  it("does not count the day of a mid-day start", () => {
    expect(clock.addDuration(bkk("2026-03-09T10:00:00"), { amount: 1, unit: "workingDay" })).toEqual(
      bkk("2026-03-10T16:30:00"),
    );
  });

  it("counts the first day when counting starts at 08:30 (Friday night → Monday is day 1)", () => {
    expect(clock.addDuration(bkk("2026-03-06T18:00:00"), { amount: 1, unit: "workingDay" })).toEqual(
      bkk("2026-03-09T16:30:00"),
    );
  });

  it("skips Songkran", () => {
    // Day 1 Fri 10 Apr, then Thu 16, Fri 17, Mon 20, Tue 21.
    expect(clock.addDuration(bkk("2026-04-09T10:00:00"), { amount: 5, unit: "workingDay" })).toEqual(
      bkk("2026-04-21T16:30:00"),
    );
  });

  it("counts 2027 with its substitution days", () => {
    // Fri 19 Feb 2027 evening → Sat, Sun, Mon 22 (substitution for Makha Bucha) → Tue 23 is day 1.
    expect(clock.addDuration(bkk("2027-02-19T17:00:00"), { amount: 1, unit: "workingDay" })).toEqual(
      bkk("2027-02-23T16:30:00"),
    );
    // Day 1 Thu 15 Jul 2027; 18–20 Jul off (Asalha, Lent, substitution), 28 Jul King's Birthday.
    expect(clock.addDuration(bkk("2027-07-14T09:00:00"), { amount: 15, unit: "workingDay" })).toEqual(
      bkk("2027-08-09T16:30:00"),
    );
  });
});

describe("addDuration: calendar days", () => {
  it("rolls 30 calendar days ending on a Sunday to Monday 16:30", () => {
    // Day 1 Sat 10 Jan 2026, day 30 Sun 8 Feb.
    expect(clock.addDuration(bkk("2026-01-09T10:00:00"), { amount: 30, unit: "day" })).toEqual(
      bkk("2026-02-09T16:30:00"),
    );
  });

  it("keeps the last day instead when asked (APA s.64 ¶2 reading for the authority)", () => {
    const strict = new WorkingDayClock(new ThaiCalendar(), { calendarDayDeadlineOnNonWorkingDay: "keep" });
    expect(strict.addDuration(bkk("2026-01-09T10:00:00"), { amount: 30, unit: "day" })).toEqual(
      bkk("2026-02-08T16:30:00"),
    );
    expect(
      clock.addDuration(bkk("2026-01-09T10:00:00"), { amount: 30, unit: "day" }, { onNonWorkingDay: "keep" }),
    ).toEqual(bkk("2026-02-08T16:30:00"));
  });

  it("rolls past a holiday run, and counts the first day from an 08:30 start", () => {
    // Fri 3 Apr evening → counting from Tue 7 Apr 08:30 (Mon 6 is Chakri Day), so day 1 = 7 Apr and
    // day 7 = Mon 13 Apr, which is Songkran: the deadline rolls to Thu 16 Apr.
    expect(clock.addDuration(bkk("2026-04-03T19:00:00"), { amount: 7, unit: "day" })).toEqual(
      bkk("2026-04-16T16:30:00"),
    );
  });
});

describe("dueAt", () => {
  it("uses the upper bound of a range", () => {
    // Day 1 Mon 5 Jan 2026 (08:30 start); 45th working day 9 Mar, 75th 24 Apr.
    const start = bkk("2026-01-05T08:30:00");
    expect(clock.dueAt(start, parseManualDuration("45 ถึง 75 วันทำการ"))).toEqual(bkk("2026-04-24T16:30:00"));
    expect(clock.dueAt(start, parseManualDuration("45 วันทำการ"))).toEqual(bkk("2026-03-09T16:30:00"));
    expect(clock.dueAt(bkk("2026-03-09T10:00:00"), parseManualDuration("1-3 วัน"))).toEqual(
      bkk("2026-03-12T16:30:00"),
    );
  });

  it("returns the start for immediate and unreadable durations", () => {
    const start = bkk("2026-03-07T11:00:00");
    expect(clock.dueAt(start, parseManualDuration("ทันที"))).toEqual(start);
    expect(clock.dueAt(start, parseManualDuration("ตามที่ท้องถิ่นกำหนด"))).toEqual(start);
  });

  it("computes the food manual's legal limit from documents-complete", () => {
    const limit = parseManualDuration("ภายใน 30 วัน นับแต่วันที่เอกสารถูกต้องและครบถ้วน");
    // Complete Wed 1 Apr 2026 14:00 → day 1 Thu 2 Apr, day 30 Fri 1 May (Labour Day: offices open).
    expect(clock.dueAt(bkk("2026-04-01T14:00:00"), limit)).toEqual(bkk("2026-05-01T16:30:00"));
  });
});

describe("workingDaysBetween", () => {
  it("counts the working days used up, from day 1 to b's date", () => {
    expect(clock.workingDaysBetween(bkk("2026-04-09T10:00:00"), bkk("2026-04-21T12:00:00"))).toBe(5);
    expect(clock.workingDaysBetween(bkk("2026-04-09T10:00:00"), bkk("2026-04-09T15:00:00"))).toBe(0);
    expect(clock.workingDaysBetween(bkk("2026-04-21T10:00:00"), bkk("2026-04-09T10:00:00"))).toBe(0);
  });

  it("inverts addDuration for working days", () => {
    for (const start of [
      bkk("2026-04-01T09:00:00"),
      bkk("2026-04-10T19:00:00"),
      bkk("2025-12-30T07:00:00"),
    ]) {
      for (const n of [1, 5, 30]) {
        const due = clock.addDuration(start, { amount: n, unit: "workingDay" });
        expect(clock.workingDaysBetween(start, due)).toBe(n);
      }
    }
    // Day 1 Thu 2 Apr 2026; 30th working day Thu 21 May.
    expect(clock.addDuration(bkk("2026-04-01T09:00:00"), { amount: 30, unit: "workingDay" })).toEqual(
      bkk("2026-05-21T16:30:00"),
    );
  });
});

describe("guards", () => {
  it("rejects negative or non-finite amounts and invalid dates", () => {
    expect(() => clock.addDuration(bkk("2026-03-09T10:00:00"), { amount: -1, unit: "day" })).toThrow(
      RangeError,
    );
    expect(() => clock.addDuration(bkk("2026-03-09T10:00:00"), { amount: Number.NaN, unit: "hour" })).toThrow(
      RangeError,
    );
    expect(() => clock.startOfCounting(new Date(Number.NaN))).toThrow(RangeError);
  });

  it("returns the immediate start unchanged, even off hours", () => {
    const start = bkk("2026-03-07T23:00:00");
    expect(clock.addDuration(start, { amount: 0, unit: "immediate" })).toEqual(start);
  });

  it("shares one default clock", () => {
    expect(defaultWorkingDayClock()).toBe(defaultWorkingDayClock());
    expect(defaultWorkingDayClock().isOfficeOpen(bkk("2026-04-14T10:00:00"))).toBe(false);
    expect(defaultWorkingDayClock().isOfficeOpen(bkk("2026-04-16T10:00:00"))).toBe(true);
  });
});
