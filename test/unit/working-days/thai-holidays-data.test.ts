import { describe, expect, it } from "vitest";
import { thaiHolidayData } from "../../../shared/domain/working-days/thai-holidays-data";
import { thaiHolidaysFromLibrary } from "../../support/thai-holidays-from-library";

describe("the generated Thai holiday table", () => {
  it("is what the installed date-holidays computes (rerun scripts/generate-thai-holidays.ts if not)", () => {
    expect(thaiHolidayData).toEqual(thaiHolidaysFromLibrary());
  });

  it("holds the fixed holidays of every year it covers", () => {
    for (let year = thaiHolidayData.fromYear; year <= thaiHolidayData.toYear; year++) {
      const dates = thaiHolidayData.years[String(year)]!.map((h) => h.date);
      expect(dates).toEqual(expect.arrayContaining([`${year}-04-13`, `${year}-07-28`, `${year}-12-05`]));
    }
  });
});
