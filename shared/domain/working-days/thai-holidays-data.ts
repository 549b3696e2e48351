import data from "./thai-holidays.data.json" with { type: "json" };

/** Annual Thai public holidays as `date-holidays` computes them, generated ahead of time (see scripts/). */
export interface ThaiHolidayData {
  source: string;
  fromYear: number;
  toYear: number;
  years: Record<string, { date: string; nameTh: string; nameEn: string }[]>;
}

export const thaiHolidayData: ThaiHolidayData = data;
