import * as z from "zod";
import { problems } from "../../../shared/domain/errors";
import { fieldErrorsOf } from "../../../shared/domain/field-errors";

/**
 * `POST /local/clock`: `{ "set": "<ISO instant>" }` or `{ "advance": "<ISO 8601 duration>" }`, one of
 * them. Pure: parsing and the target instant; moving the clock is the local stack's job.
 */
/** An instant as the operator API and `npm start -- --clock` take it: ISO 8601 with seconds and an offset. */
export const clockInstantSchema = z.iso.datetime({ offset: true });

export const clockCommandSchema = z.union([
  z.strictObject({ set: clockInstantSchema }),
  z.strictObject({ advance: z.string().min(2).max(64) }),
]);

export type ClockCommand = z.infer<typeof clockCommandSchema>;

export function parseClockCommand(body: unknown): ClockCommand {
  if (body === undefined || body === null)
    throw problems.invalidRequest({
      en: 'Send { "set": "<ISO instant>" } or { "advance": "<ISO 8601 duration>" }',
      th: 'ส่ง { "set": "<เวลาแบบ ISO>" } หรือ { "advance": "<ช่วงเวลาแบบ ISO 8601>" }',
    });
  const result = clockCommandSchema.safeParse(body);
  if (!result.success)
    throw problems.invalidRequest(
      {
        en: 'Send exactly one of { "set": "<ISO instant with offset>" } or { "advance": "<ISO 8601 duration, e.g. P7D or PT3H30M>" }',
        th: 'ส่งอย่างใดอย่างหนึ่ง: { "set": "<เวลาแบบ ISO พร้อม offset>" } หรือ { "advance": "<ช่วงเวลาแบบ ISO 8601 เช่น P7D หรือ PT3H30M>" }',
      },
      fieldErrorsOf(result.error.issues, ["body"]).errors,
    );
  return result.data;
}

/** Where the clock should go; earlier than now is refused (the clock only moves forward). */
export function targetInstant(command: ClockCommand, now: Date): Date {
  const target = "set" in command ? new Date(command.set) : addIsoDuration(now, command.advance);
  if (target.getTime() < now.getTime())
    throw problems.clockCannotGoBack({
      en: `It is ${formatBangkok(now)}; ${formatBangkok(target)} is in the past`,
      th: `ขณะนี้คือ ${formatBangkok(now)} เวลา ${formatBangkok(target)} เป็นอดีตแล้ว`,
    });
  return target;
}

const durationPattern =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?!$)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Adds an ISO 8601 duration (PnYnMnWnDTnHnMnS); years and months are calendar months in Bangkok. */
export function addIsoDuration(from: Date, duration: string): Date {
  const m = durationPattern.exec(duration);
  if (!m)
    throw problems.invalidRequest({
      en: `"${duration}" is not an ISO 8601 duration (e.g. P7D, PT3H30M, P1M)`,
      th: `"${duration}" ไม่ใช่ช่วงเวลาแบบ ISO 8601 (เช่น P7D, PT3H30M, P1M)`,
    });
  const [years, months, weeks, days, hours, minutes] = m.slice(1, 7).map((v) => Number(v ?? 0)) as number[];
  const seconds = Number(m[7] ?? 0);
  // Calendar arithmetic on the Bangkok wall clock (no DST in Thailand, so a fixed +7 h shift).
  const shifted = new Date(from.getTime() + bangkokOffsetMs);
  shifted.setUTCMonth(shifted.getUTCMonth() + years! * 12 + months!);
  const ms = ((((weeks! * 7 + days!) * 24 + hours!) * 60 + minutes!) * 60 + seconds) * 1000;
  return new Date(shifted.getTime() - bangkokOffsetMs + ms);
}

const bangkokOffsetMs = 7 * 3_600_000;

/** An instant as Bangkok wall-clock time with its offset: 2027-04-12T17:00:00.000+07:00. */
export function formatBangkok(instant: Date): string {
  return new Date(instant.getTime() + bangkokOffsetMs).toISOString().replace("Z", "+07:00");
}
