import { describe, expect, it } from "vitest";
import { parseDuration } from "../../../../shared/catalog/importer/cells/duration";

/** Duration cells as the manuals print them (source line beside each), and what they parse to. */

type Row = [raw: string, src: number, min: number | null, max: number | null, unit: string | null];

// Every distinct step-duration cell of 004 (first line it occurs on).
const steps004: Row[] = [
  ["1 วัน", 117, 1, 1, "day"],
  ["5 วัน", 118, 5, 5, "day"],
  ["2 วัน", 232, 2, 2, "day"],
  ["3 วัน", 233, 3, 3, "day"],
  ["7 วัน", 271, 7, 7, "day"],
  ["35 วัน", 272, 35, 35, "day"],
  ["12 วัน", 489, 12, 12, "day"],
  ["1 วันทำการ", 963, 1, 1, "workingDay"],
  ["27 วันทำการ", 964, 27, 27, "workingDay"],
  ["2 วันทำการ", 965, 2, 2, "workingDay"],
  ["42 วันทำการ", 1026, 42, 42, "workingDay"],
  ["6 ชั่วโมง", 1250, 6, 6, "hour"],
  ["1 ชั่วโมง", 1251, 1, 1, "hour"],
  ["27 วัน ทำการ", 1368, 27, 27, "workingDay"],
  ["22 วันทำการ", 1425, 22, 22, "workingDay"],
  ["42 ถึง 72 วัน ทำการ", 1513, 42, 72, "workingDay"],
  ["30 วัน", 1575, 30, 30, "day"],
  ["15 วัน", 1629, 15, 15, "day"],
  ["2 นาที", 1673, 2, 2, "minute"],
  ["5 นาที", 1674, 5, 5, "minute"],
  ["3 นาที", 1675, 3, 3, "minute"],
  ["30 นาที", 1720, 30, 30, "minute"],
  ["15 นาที", 1722, 15, 15, "minute"],
  ["10 นาที", 1723, 10, 10, "minute"],
  ["4 ชั่วโมง", 2423, 4, 4, "hour"],
  ["20 วัน", 2490, 20, 20, "day"],
  ["8 วัน", 2491, 8, 8, "day"],
  ["3 ชั่วโมง", 3605, 3, 3, "hour"],
  ["6 วัน", 3609, 6, 6, "day"],
  ["45 นาที", 3859, 45, 45, "minute"],
  ["20 นาที", 3914, 20, 20, "minute"],
];

// 004 totals and 003's index, flowchart time lines and summaries.
const others: Row[] = [
  ["ระยะเวลาดำเนินการรวม 7 วัน", 121, 7, 7, "day"],
  ["ระยะเวลาดำเนินการรวม 45 ถึง 75 วันทำการ", 1516, 45, 75, "workingDay"],
  ["ระยะเวลาดำเนินการรวม 46 วัน", 1631, 46, 46, "day"],
  ["\t1  วัน ./ราย", 83, 1, 1, "day"], // 003: a stray dot before the per-case suffix
  ["\t3 ชม./ราย", 84, 3, 3, "hour"], // 003: the short hour
  ["\t30  นาที / ราย ", 178, 30, 30, "minute"],
  ["สรุป กระบวนงานบริการ  4   ขั้นตอน  รวมระยะเวลา  15  วัน/ราย", 575, 15, 15, "day"],
  [" วัน/ราย", 675, null, null, "day"], // 003: the number sits on the line before (674)
  ["( 5  นาที)", 1218, 5, 5, "minute"],
  ["สรุป กระบวนงานบริการ  4  ขั้นตอน  รวมระยะเวลา  30 นาที", 1219, 30, 30, "minute"],
  ["๓ วัน", 0, 3, 3, "day"], // Thai digits (003 writes them in its index, line 31)
  ["สามสิบวัน", 0, 30, 30, "day"], // a number in words
];

describe("parseDuration", () => {
  it.each([...steps004, ...others])("%j (line %i)", (raw, _src, min, max, unit) => {
    const { duration, ambiguous } = parseDuration(raw);
    expect(duration).toMatchObject({ raw: raw.trim(), min, max, unit });
    expect(ambiguous === null).toBe(min !== null);
  });

  it("reads the qualifiers the text puts before a number", () => {
    expect(parseDuration("ไม่เกิน 3 วัน").duration).toEqual({
      raw: "ไม่เกิน 3 วัน",
      min: 3,
      max: 3,
      unit: "day",
      qualifier: "notMoreThan",
    });
    // 003 line 726, a flowchart box's time
    expect(parseDuration("ภายใน 7 วัน").duration).toMatchObject({ min: 7, unit: "day", qualifier: "within" });
    // 003 line 714: a box that quotes the legal limit
    expect(
      parseDuration("ออกใบอนุญาต/ไม่ออกใบอนุญาต โดยแจ้งให้ผู้ยื่นคำขอทราบ ภายใน 20 วัน นับแต่").duration,
    ).toMatchObject({ min: 20, max: 20, unit: "day", qualifier: "within" });
  });

  it("reads 'immediately' as no time at all", () => {
    // 003 lines 89 (index) and 661 (summary)
    expect(parseDuration("\tในทันที").duration).toEqual({ raw: "ในทันที", min: 0, max: 0, unit: "immediate" });
    expect(parseDuration("สรุป กระบวนงานบริการ  5  ขั้นตอน  ทันที ").duration).toMatchObject({
      min: 0,
      unit: "immediate",
    });
  });

  it("leaves what it cannot read null and says why", () => {
    const cases: [string, string][] = [
      [".", "no duration"],
      ["วัน ทำการ", "without a number"],
      ["ชม.", "without a number"],
      ["20", "without a unit"],
      ["1 ปี", "not one the catalog has"],
      // 003 line 716–717: a box that carries two times
      ["ผู้ร้องเรียนทราบ 1 วัน/ราย 2 วัน/ราย", "several durations"],
      ["", "empty"],
    ];
    for (const [raw, why] of cases) {
      const { duration, ambiguous } = parseDuration(raw);
      expect(duration.min, raw).toBeNull();
      expect(duration.max, raw).toBeNull();
      expect(ambiguous, raw).toContain(why);
    }
    expect(parseDuration("วัน ทำการ").duration.unit).toBe("workingDay");
  });
});
