import { describe, expect, it } from "vitest";
import {
  addDays,
  bangkokDateKey,
  bangkokInstant,
  officeClosing,
  officeHoursPosition,
  officeOpening,
  weekdayOf,
} from "../../../shared/domain/working-days";

describe("Bangkok offset arithmetic", () => {
  it("puts 17:00Z on the next Bangkok day", () => {
    expect(bangkokDateKey(new Date("2026-12-31T16:59:59.999Z"))).toBe("2026-12-31");
    expect(bangkokDateKey(new Date("2026-12-31T17:00:00Z"))).toBe("2027-01-01");
  });

  it("builds Bangkok wall-clock instants", () => {
    expect(bangkokInstant("2026-04-13", 0).toISOString()).toBe("2026-04-12T17:00:00.000Z");
    expect(officeOpening("2026-04-16").toISOString()).toBe("2026-04-16T01:30:00.000Z");
    expect(officeClosing("2026-04-16").toISOString()).toBe("2026-04-16T09:30:00.000Z");
  });

  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("knows the weekday", () => {
    expect(weekdayOf("2026-04-13")).toBe(1);
    expect(weekdayOf("2026-02-08")).toBe(0);
  });

  it("places 08:30 as open and 16:30 as closed", () => {
    expect(officeHoursPosition(new Date("2026-04-16T01:29:59Z"))).toBe("beforeOpening");
    expect(officeHoursPosition(new Date("2026-04-16T01:30:00Z"))).toBe("open");
    expect(officeHoursPosition(new Date("2026-04-16T09:29:59Z"))).toBe("open");
    expect(officeHoursPosition(new Date("2026-04-16T09:30:00Z"))).toBe("afterClosing");
  });
});
