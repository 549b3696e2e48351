/**
 * Dates and amounts as people read them (issue 16, §5). Thai texts show Bangkok wall-clock time with
 * the Buddhist-era year, as Thai government letters do ("15 ม.ค. 2570, 16:30 น."), and amounts with
 * thousands separators; English texts use ISO 8601 dates with the Bangkok offset. Thailand keeps no
 * daylight saving time: Bangkok is always UTC+7.
 */
const bangkokOffsetMs = 7 * 3_600_000;
const buddhistEraOffset = 543;
const thaiMonths = [
  "ม.ค.",
  "ก.พ.",
  "มี.ค.",
  "เม.ย.",
  "พ.ค.",
  "มิ.ย.",
  "ก.ค.",
  "ส.ค.",
  "ก.ย.",
  "ต.ค.",
  "พ.ย.",
  "ธ.ค.",
] as const;

function bangkokParts(instant: Date | string) {
  const at = new Date(new Date(instant).getTime() + bangkokOffsetMs);
  return {
    year: at.getUTCFullYear(),
    month: at.getUTCMonth(),
    day: at.getUTCDate(),
    hh: String(at.getUTCHours()).padStart(2, "0"),
    mm: String(at.getUTCMinutes()).padStart(2, "0"),
  };
}

/** "15 ม.ค. 2570" (the Bangkok calendar day, B.E. year). */
export function thaiDate(instant: Date | string): string {
  const p = bangkokParts(instant);
  return `${p.day} ${thaiMonths[p.month]} ${p.year + buddhistEraOffset}`;
}

/** "15 ม.ค. 2570, 16:30 น." */
export function thaiDateTime(instant: Date | string): string {
  const p = bangkokParts(instant);
  return `${thaiDate(instant)}, ${p.hh}:${p.mm} น.`;
}

/** "2027-01-15" (the Bangkok calendar day). */
export function isoDate(instant: Date | string): string {
  const p = bangkokParts(instant);
  return `${p.year}-${String(p.month + 1).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/** "2027-01-15 16:30 (UTC+7)": ISO 8601 date and time of day in Bangkok, its offset said. */
export function isoDateTime(instant: Date | string): string {
  const p = bangkokParts(instant);
  return `${isoDate(instant)} ${p.hh}:${p.mm} (UTC+7)`;
}

/** 3000 → "3,000"; 12.5 → "12.50": whole baht without decimals, satang to two places. */
export function amount(value: number): string {
  const whole = Number.isInteger(value);
  return value.toLocaleString("en-US", {
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  });
}
