import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeJwt } from "jose";
import { afterAll, describe, expect, it, vi } from "vitest";
import {
  assertClockStart,
  calendarNotice,
  calendarRange,
  LocalStartError,
  parseClockOption,
} from "../../../infra/local/clock-start";
import { demoUsers } from "../../../infra/local/demo-users";
import { LocalJwtIssuer } from "../../../infra/local/jwt-issuer";
import { LocalClock } from "../../../infra/local/local-clock";
import { parseStartOptions } from "../../../infra/local/start-options";

const defaults = { port: undefined, dataDir: "/data" };
const folders: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), "bizportal-clock-start-"));
  folders.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** The message of the LocalStartError `fn` throws. */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof LocalStartError) return error.message;
    throw error;
  }
  throw new Error("expected a LocalStartError");
}

describe("npm start's arguments", () => {
  it("takes --fresh --clock <instant> and keeps the other defaults", () => {
    expect(parseStartOptions(["--fresh", "--clock", "2026-04-10T17:00:00+07:00"], defaults)).toEqual({
      fresh: true,
      port: 3000,
      dataDir: "/data",
      clock: new Date("2026-04-10T10:00:00Z"),
    });
    expect(parseStartOptions(["--clock=2026-06-01T08:30:00Z", "--port", "0"], defaults)).toMatchObject({
      fresh: false,
      port: 0,
      clock: new Date("2026-06-01T08:30:00Z"),
    });
    expect(parseStartOptions([], { port: "4000", dataDir: "/d" })).toEqual({
      fresh: false,
      port: 4000,
      dataDir: "/d",
    });
  });

  it.each([
    [["--clock"], /--clock needs a value.*e\.g\. --clock 2026-04-10T17:00:00\+07:00/],
    [["--clock", "--fresh"], /--clock needs a value/],
    [["--clock="], /--clock needs a value/],
    [["--clock", "nonsense"], /--clock "nonsense" is not an ISO 8601 instant/],
    [["--clock", "2026-04-10T17:00:00"], /add \+07:00 for Bangkok time/],
    [["--clock", "2026-04-10"], /not an ISO 8601 instant/],
    [["--clock", "2026-02-30T10:00:00+07:00"], /not an ISO 8601 instant/],
    [["--clock", "2026-04-10T17:00+07:00"], /with seconds and an offset/],
    [["--port", "http"], /--port "http" is not a port number/],
    [["--bogus"], /Unknown option '--bogus'[\s\S]*Usage: npm start --/],
    [["extra"], /Usage: npm start --/],
  ])("refuses %j clearly", (args, message) => {
    expect(refusal(() => parseStartOptions(args, defaults))).toMatch(message);
  });
});

describe("where the clock may start", () => {
  it("covers 2024-01-01 to 2030-12-31, Bangkok time", () => {
    expect(calendarRange()).toEqual({
      fromYear: 2024,
      toYear: 2030,
      from: new Date("2023-12-31T17:00:00.000Z"),
      to: new Date("2030-12-31T16:59:59.999Z"),
    });
  });

  it.each(["2023-12-31T23:59:59+07:00", "2031-01-01T00:00:00+07:00", "1999-01-01T00:00:00Z"])(
    "refuses %s: outside the calendar",
    (instant) => {
      expect(refusal(() => assertClockStart(parseClockOption(instant), undefined, false))).toMatch(
        /outside the holiday calendar, which covers 2024–2030/,
      );
    },
  );

  it("starts an in-memory stack, a missing or empty folder, or any folder with --fresh", () => {
    const start = new Date("2024-01-01T00:00:00+07:00");
    const empty = folder();
    expect(() => assertClockStart(start, undefined, false)).not.toThrow();
    expect(() => assertClockStart(start, join(empty, "not-yet"), false)).not.toThrow();
    expect(() => assertClockStart(start, empty, false)).not.toThrow();
    writeFileSync(join(empty, "anything"), "x");
    expect(() => assertClockStart(start, empty, true)).not.toThrow();
  });

  it("refuses a folder that has data, saying where its clock is and what to do", () => {
    const used = folder();
    new LocalClock(join(used, "clock.json"), new Date("2026-05-01T10:00:00+07:00"));
    mkdirSync(join(used, "dynamodb"));
    const message = refusal(() => assertClockStart(new Date("2026-04-10T17:00:00+07:00"), used, false));
    expect(message).toContain(
      `--clock only sets the clock of an empty data folder, and ${used} already has data`,
    );
    expect(message).toMatch(/its clock is at 2026-05-01T10:00:\d\d\.\d{3}\+07:00/);
    expect(message).toContain("Add --fresh to wipe it and start at 2026-04-10T17:00:00.000+07:00");
  });
});

describe("the local clock started in the past", () => {
  it("shows the start instant, keeps it in the folder, and a restart goes on from there", () => {
    const file = join(folder(), "clock.json");
    const start = new Date("2026-04-10T17:00:00+07:00");
    const clock = new LocalClock(file, start);
    expect(Math.abs(clock.now().getTime() - start.getTime())).toBeLessThan(1000);
    expect((JSON.parse(readFileSync(file, "utf8")) as { offsetMs: number }).offsetMs).toBeLessThan(0);
    const restarted = new LocalClock(file);
    expect(Math.abs(restarted.now().getTime() - start.getTime())).toBeLessThan(1000);
  });

  it("still moves forward only", async () => {
    const clock = new LocalClock(undefined, new Date("2026-05-29T16:00:00+07:00"));
    await clock.advanceTo(new Date("2026-06-01T09:00:00+07:00"));
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(Date.parse("2026-06-01T09:00:00+07:00"));
    await expect(clock.advanceTo(new Date("2026-05-30T00:00:00+07:00"))).rejects.toThrow(
      /only moves forward/,
    );
    clock.dispose();
  });

  it("fires a timer scheduled on it at its due time on the clock", async () => {
    const clock = new LocalClock(undefined, new Date("2026-04-10T17:00:00+07:00"));
    const fired: string[] = [];
    clock.schedule(new Date("2026-04-16T08:30:00+07:00"), () => fired.push(clock.now().toISOString()), {
      kind: "test",
    });
    expect(await clock.advanceTo(new Date("2026-04-17T00:00:00+07:00"))).toEqual([
      { at: "2026-04-16T01:30:00.000Z", kind: "test" },
    ]);
    expect(fired).toEqual(["2026-04-16T01:30:00.000Z"]);
    clock.dispose();
  });
});

describe("timers due at the same instant", () => {
  it("each see their due time on the clock, however long the one before took", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const clock = new LocalClock(undefined, new Date("2026-04-10T17:00:00+07:00"));
      const due = new Date("2026-04-16T08:30:00+07:00");
      const seen: string[] = [];
      clock.schedule(due, () => vi.setSystemTime(Date.now() + 5)); // real time moves on meanwhile
      clock.schedule(due, () => seen.push(clock.now().toISOString()));
      await clock.advanceTo(new Date("2026-04-17T00:00:00+07:00"));
      expect(seen).toEqual([due.toISOString()]);
      expect(clock.now().getTime()).toBeGreaterThanOrEqual(Date.parse("2026-04-17T00:00:00+07:00"));
      clock.dispose();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("the test stack's clock, set back by its reset", () => {
  it("goes back to the start, drops its timers, and moves forward only again", async () => {
    const start = new Date("2026-04-10T17:00:00+07:00");
    const { clock, rewind } = LocalClock.rewindable(start);
    const fired: string[] = [];
    clock.schedule(new Date("2026-04-16T08:30:00+07:00"), () => fired.push("before the rewind"));
    await clock.advanceTo(new Date("2026-04-13T09:00:00+07:00"));

    rewind(start);
    expect(Math.abs(clock.now().getTime() - start.getTime())).toBeLessThan(1000);
    expect(clock.pendingTimers()).toBe(0);
    await clock.advanceTo(new Date("2026-04-17T00:00:00+07:00"));
    expect(fired).toEqual([]);
    await expect(clock.advanceTo(start)).rejects.toThrow(/only moves forward/);

    rewind();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
    clock.dispose();
  });

  it("is no method of the clock: only the stack that made it holds the rewind", () => {
    const { clock } = LocalClock.rewindable();
    expect(Object.getOwnPropertyNames(LocalClock.prototype).filter((m) => /rewind|reset/i.test(m))).toEqual(
      [],
    );
    expect(Object.keys(clock).filter((k) => /rewind|reset/i.test(k))).toEqual([]);
  });
});

describe("the calendar notice at start-up", () => {
  it("is silent in verified years and warns in provisional and unverified ones", () => {
    expect(calendarNotice(new Date("2026-04-10T10:00:00Z"))).toBeUndefined();
    expect(calendarNotice(new Date("2028-01-10T03:00:00Z"))).toMatch(
      /^Calendar warning: the holidays of 2028 are provisional .* verified through 2026/,
    );
    expect(calendarNotice(new Date("2031-06-01T03:00:00Z"))).toMatch(/no reviewed holidays for 2031/);
  });
});

describe("local tokens", () => {
  const user = demoUsers.find((u) => u.username === "officer")!;

  it("are minted and verified on one time source, so a token signed at a time verifies then", async () => {
    let now = new Date("2024-03-01T03:00:00Z");
    const issuer = await LocalJwtIssuer.create("https://issuer.test", undefined, { now: () => now });
    const token = await issuer.tokenFor(user, 3600);
    expect(decodeJwt(token)).toMatchObject({ iat: now.getTime() / 1000, exp: now.getTime() / 1000 + 3600 });
    expect(await issuer.verify(token)).toMatchObject({ "cognito:username": "officer" });
    now = new Date(now.getTime() + 3601 * 1000);
    expect(await issuer.verify(token)).toBeUndefined();
  });

  it("keep real time by default, whatever the stack's clock shows", async () => {
    const issuer = await LocalJwtIssuer.create("https://issuer.test");
    const { iat } = decodeJwt(await issuer.tokenFor(user));
    expect(Math.abs(iat! * 1000 - Date.now())).toBeLessThan(5_000);
  });
});
