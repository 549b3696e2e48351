import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { problems } from "../../shared/domain/errors";
import { bangkokInstant, defaultWorkingDayClock } from "../../shared/domain/working-days";
import { LocalClock } from "./local-clock";
import { clockInstantSchema, formatBangkok } from "./operator/clock-command";

/**
 * Where the local clock may start and go: `npm start -- --clock <instant>` replays a past case or a
 * training session, but only inside the years the holiday calendar covers, and only on an empty data
 * folder, so the time of a folder's data never goes back.
 */

/** A start the local stack refuses; `npm start` prints the message and exits non-zero. */
export class LocalStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LocalStartError";
  }
}

export const clockExample = "2026-04-10T17:00:00+07:00";
export const clockFileName = "clock.json";

/** `--clock`'s value: an ISO 8601 instant with seconds and an offset, as the operator API takes it. */
export function parseClockOption(value: string | undefined): Date {
  if (value === undefined || value.trim() === "")
    throw new LocalStartError(
      `--clock needs a value: an ISO 8601 instant with its offset, e.g. --clock ${clockExample}`,
    );
  if (!clockInstantSchema.safeParse(value).success)
    throw new LocalStartError(
      `--clock ${JSON.stringify(value)} is not an ISO 8601 instant with seconds and an offset ` +
        `(e.g. ${clockExample}; add +07:00 for Bangkok time)`,
    );
  return new Date(value);
}

/** The instants the calendar covers: from 1 January of its first year to 31 December of its last (Bangkok). */
export function calendarRange(): { from: Date; to: Date; fromYear: number; toYear: number } {
  const { fromYear, toYear } = defaultWorkingDayClock().calendar.coveredYears;
  return {
    fromYear,
    toYear,
    from: bangkokInstant(`${fromYear}-01-01`, 0),
    to: new Date(bangkokInstant(`${toYear + 1}-01-01`, 0).getTime() - 1),
  };
}

function outsideCalendar(instant: Date): string | undefined {
  const { from, to, fromYear, toYear } = calendarRange();
  if (instant >= from && instant <= to) return undefined;
  return (
    `${formatBangkok(instant)} is outside the holiday calendar, which covers ${fromYear}–${toYear} ` +
    "(Bangkok time): working days and due dates there could not be counted"
  );
}

/** For the operator API: a target past the calendar's years is refused (409), like a move backwards. */
export function assertWithinCalendar(instant: Date): void {
  const outside = outsideCalendar(instant);
  if (outside)
    throw problems.clockOutsideCalendar({
      en: outside,
      th: `${formatBangkok(instant)} อยู่นอกช่วงปีที่มีข้อมูลวันหยุดราชการ จึงนับวันทำการและวันครบกำหนดไม่ได้`,
    });
}

/**
 * Checks a requested start before anything runs: inside the calendar, and on an empty (or `fresh`,
 * about to be wiped) data folder; an in-memory stack (no folder) always starts empty.
 */
export function assertClockStart(start: Date, dataDir: string | undefined, fresh: boolean): void {
  if (Number.isNaN(start.getTime())) throw new LocalStartError("The clock's start is not a valid instant");
  const outside = outsideCalendar(start);
  if (outside) throw new LocalStartError(`--clock ${outside}. Pick an instant in those years.`);
  if (!dataDir || fresh || !existsSync(dataDir) || readdirSync(dataDir).length === 0) return;
  const clockFile = join(dataDir, clockFileName);
  const at = existsSync(clockFile)
    ? ` (its clock is at ${formatBangkok(new LocalClock(clockFile).now())})`
    : "";
  throw new LocalStartError(
    `--clock only sets the clock of an empty data folder, and ${dataDir} already has data${at}: ` +
      `its time cannot go back. Add --fresh to wipe it and start at ${formatBangkok(start)}, ` +
      "or leave out --clock to go on from where it is.",
  );
}

/** A line to log when `now` is in a year whose holidays are not verified; undefined when they are. */
export function calendarNotice(now: Date): string | undefined {
  const clock = defaultWorkingDayClock();
  const coverage = clock.calendarCoverage(now);
  const year = Number(formatBangkok(now).slice(0, 4));
  if (coverage === "verified") return undefined;
  const through = clock.verifiedThrough;
  return coverage === "provisional"
    ? `Calendar warning: the holidays of ${year} are provisional (estimated lunar dates, no Royal Ploughing ` +
        `or cabinet-declared days yet; verified through ${through}). Due dates counted over ${year} carry a calendarWarning.`
    : `Calendar warning: no reviewed holidays for ${year} (verified through ${through}): due dates counted ` +
        "over it may treat holidays as working days, and carry a calendarWarning.";
}
