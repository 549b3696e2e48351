import { describe, expect, it } from "vitest";
import { parseManualDuration, sumStepDurations } from "../../../shared/domain/working-days";

describe("parseManualDuration", () => {
  it.each([
    ["15 นาที", 15, 15, "minute"],
    ["1 ชั่วโมง", 1, 1, "hour"],
    ["1 ชม.", 1, 1, "hour"],
    ["2 ชม", 2, 2, "hour"],
    ["1.5 ชั่วโมง", 1.5, 1.5, "hour"],
    ["20 วัน", 20, 20, "day"],
    ["30 วันทำการ", 30, 30, "workingDay"],
    ["30 วัน ทำการ", 30, 30, "workingDay"],
    ["45 ถึง 75 วันทำการ", 45, 75, "workingDay"],
    ["1-3 วัน", 1, 3, "day"],
    ["1 – 3 วัน", 1, 3, "day"],
    ["1 วัน - 3 วัน", 1, 3, "day"],
    ["๓๐ วันทำการ", 30, 30, "workingDay"],
    ["๔๕ ถึง ๗๕ วันทำการ", 45, 75, "workingDay"],
    ["1,200 นาที", 1200, 1200, "minute"],
    ["5 นาที/ราย", 5, 5, "minute"],
    ["2 สัปดาห์", 14, 14, "day"],
    ["  20\u00a0วัน \u200b", 20, 20, "day"],
  ])("%s", (raw, min, max, unit) => {
    expect(parseManualDuration(raw)).toEqual({ raw, min, max, unit });
  });

  it("reads the qualifiers as upper bounds and keeps the raw text", () => {
    expect(parseManualDuration("ภายใน 7 วัน")).toEqual({
      raw: "ภายใน 7 วัน",
      min: 7,
      max: 7,
      unit: "day",
      qualifier: "within",
    });
    expect(parseManualDuration("ไม่เกิน 3 วัน")).toEqual({
      raw: "ไม่เกิน 3 วัน",
      min: 3,
      max: 3,
      unit: "day",
      qualifier: "notMoreThan",
    });
  });

  it("accepts explanatory trailing text, as in the food-premises manual's legal limit", () => {
    expect(parseManualDuration("ภายใน 30 วัน นับแต่วันที่เอกสารถูกต้องและครบถ้วน")).toMatchObject({
      min: 30,
      max: 30,
      unit: "day",
      qualifier: "within",
    });
  });

  it.each(["ทันที", "ในทันที", "ดำเนินการทันที"])("%s is immediate", (raw) => {
    expect(parseManualDuration(raw)).toEqual({ raw, min: 0, max: 0, unit: "immediate" });
  });

  it.each(["", "   ", "ตามที่ท้องถิ่นกำหนด", "1 เดือน", "1 วัน 2 ชั่วโมง", "1 ชั่วโมง - 2 วัน", "วันทำการ", "30"])(
    "%j is unparseable and does not throw",
    (raw) => {
      expect(parseManualDuration(raw)).toEqual({ raw, min: null, max: null, unit: null });
    },
  );

  it("survives a non-string from untyped callers", () => {
    expect(parseManualDuration(undefined as unknown as string).unit).toBeNull();
  });
});

describe("sumStepDurations", () => {
  const p = parseManualDuration;

  it("rounds the sub-day steps up to a day when mixed with days (the food manual's 30 วัน)", () => {
    const steps = [p("15 นาที"), p("1 ชั่วโมง"), p("20 วัน"), p("8 วัน"), p("1 วัน")];
    expect(sumStepDurations(steps)).toEqual({
      min: 30,
      max: 30,
      unit: "day",
      subDayRoundedUp: true,
      mixedDayUnits: false,
      unknownSteps: 0,
    });
  });

  it("rounds more than one office day of sub-day steps up to two days", () => {
    expect(sumStepDurations([p("5 ชั่วโมง"), p("4 ชั่วโมง"), p("3 วันทำการ")])).toMatchObject({
      min: 5,
      max: 5,
      unit: "workingDay",
    });
  });

  it("keeps minutes when every step is sub-day", () => {
    expect(sumStepDurations([p("15 นาที"), p("1 ชม."), p("ทันที")])).toMatchObject({
      min: 75,
      max: 75,
      unit: "minute",
      subDayRoundedUp: false,
    });
  });

  it("sums ranges bound by bound and flags mixed day units", () => {
    expect(sumStepDurations([p("1-3 วัน"), p("45 ถึง 75 วันทำการ")])).toMatchObject({
      min: 46,
      max: 78,
      unit: "workingDay",
      mixedDayUnits: true,
    });
  });

  it("counts unreadable or missing steps instead of guessing", () => {
    expect(sumStepDurations([p("ตามที่กำหนด"), null, p("2 วัน")])).toMatchObject({
      min: 2,
      max: 2,
      unit: "day",
      unknownSteps: 2,
    });
    expect(sumStepDurations([p("ตามที่กำหนด")])).toMatchObject({ min: null, max: null, unit: null });
    expect(sumStepDurations([p("ทันที")])).toMatchObject({ min: 0, max: 0, unit: "immediate" });
  });
});
