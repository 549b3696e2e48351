import { describe, expect, it } from "vitest";
import {
  amount,
  isoDate,
  isoDateTime,
  thaiDate,
  thaiDateTime,
} from "../../../shared/domain/texts/reader-format";

describe("dates and amounts as people read them", () => {
  it.each([
    ["2027-01-15T09:30:00Z", "15 ม.ค. 2570, 16:30 น.", "2027-01-15 16:30 (UTC+7)"],
    // 20:00 UTC on New Year's Eve is already 1 January in Bangkok, and the B.E. year turns with it.
    ["2026-12-31T20:00:00Z", "1 ม.ค. 2570, 03:00 น.", "2027-01-01 03:00 (UTC+7)"],
    ["2027-04-13T02:05:00.000Z", "13 เม.ย. 2570, 09:05 น.", "2027-04-13 09:05 (UTC+7)"],
  ])("%s is %s in Thai and %s in English", (instant, th, en) => {
    expect(thaiDateTime(instant)).toBe(th);
    expect(isoDateTime(instant)).toBe(en);
  });

  it("gives the Bangkok calendar day alone", () => {
    expect(thaiDate(new Date("2027-12-31T17:30:00Z"))).toBe("1 ม.ค. 2571");
    expect(isoDate(new Date("2027-12-31T17:30:00Z"))).toBe("2028-01-01");
  });

  it.each([
    [0, "0"],
    [500, "500"],
    [3000, "3,000"],
    [22455, "22,455"],
    [1250000, "1,250,000"],
    [12.5, "12.50"],
  ])("writes %d as %s", (value, text) => {
    expect(amount(value)).toBe(text);
  });
});
