import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { demoUsers } from "../../../infra/local/demo-users";
import { LocalJwtIssuer } from "../../../infra/local/jwt-issuer";
import type { FiredTimer } from "../../../infra/local/local-clock";
import { LocalNotificationLog } from "../../../infra/local/notification-log";
import {
  addIsoDuration,
  formatBangkok,
  parseClockCommand,
  targetInstant,
} from "../../../infra/local/operator/clock-command";
import { operatorRoutes } from "../../../infra/local/operator/operator-routes";
import { LocalOutbox } from "../../../infra/local/outbox";
import { DomainError } from "../../../shared/domain/errors";

const now = new Date("2027-03-01T03:00:00.000Z"); // Monday 10:00 Bangkok
const provisional2027 = expect.stringContaining("the holidays of 2027 are provisional");

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a DomainError");
}

describe("clock commands", () => {
  it.each([
    ["P7D", "2027-03-08T03:00:00.000Z"],
    ["PT3H30M", "2027-03-01T06:30:00.000Z"],
    ["P1W", "2027-03-08T03:00:00.000Z"],
    ["P1M", "2027-04-01T03:00:00.000Z"],
    ["P1DT0.5S", "2027-03-02T03:00:00.500Z"],
  ])("advances by %s", (duration, expected) => {
    expect(addIsoDuration(now, duration).toISOString()).toBe(expected);
  });

  it.each(["7D", "P", "PT", "P1.5D", "seven days", "P-1D"])("refuses %j as a duration", (duration) => {
    expect(errorOf(() => targetInstant({ advance: duration }, now)).code).toBe("INVALID_REQUEST");
  });

  it.each([
    undefined,
    {},
    { set: "2027-03-02T10:00:00+07:00", advance: "P1D" },
    { set: "tomorrow" },
    { set: "2027-03-02T10:00:00" },
    { advance: 7 },
    [],
  ])("refuses the body %j with 400", (body) => {
    expect(errorOf(() => parseClockCommand(body)).kind).toBe("validation");
  });

  it("sets an instant with an offset, and refuses to go back with 409", () => {
    expect(targetInstant(parseClockCommand({ set: "2027-04-12T17:00:00+07:00" }), now).toISOString()).toBe(
      "2027-04-12T10:00:00.000Z",
    );
    const back = errorOf(() => targetInstant({ set: "2027-02-28T10:00:00+07:00" }, now));
    expect([back.kind, back.code]).toEqual(["conflict", "CLOCK_CANNOT_GO_BACK"]);
  });

  it("shows instants on the Bangkok wall clock with +07:00", () => {
    expect(formatBangkok(now)).toBe("2027-03-01T10:00:00.000+07:00");
  });
});

describe("the operator API's authorisation", async () => {
  const issuer = await LocalJwtIssuer.create("https://issuer.test");
  let clock = now;
  const advanced: Date[] = [];
  const routes = operatorRoutes({
    issuer,
    notifications: new LocalNotificationLog({ now: () => clock }),
    outbox: new LocalOutbox({ deliver: async () => {} }, { now: () => clock }),
    now: () => clock,
    advanceClock: async (to): Promise<FiredTimer[]> => {
      advanced.push(to);
      clock = to;
      return [{ at: to.toISOString(), applicationId: "A1", step: "AwaitDecision", kind: "escalation" }];
    },
  });
  const call = async (method: string, path: string, username?: string, body = "") => {
    const user = demoUsers.find((u) => u.username === username);
    const headers = user ? { authorization: `Bearer ${await issuer.tokenFor(user)}` } : {};
    return routes({ method, headers } as IncomingMessage, body, new URL(path, "http://127.0.0.1"));
  };

  it("lets only the local operator in: 401 without a token, 403 for every other role", async () => {
    expect((await call("GET", "/local/clock"))?.status).toBe(401);
    for (const username of ["applicant", "officer", "supervisor", "opdc"])
      expect((await call("GET", "/local/clock", username))?.status, username).toBe(403);
    expect(await call("GET", "/local/clock", "operator")).toEqual({
      status: 200,
      body: { now: "2027-03-01T10:00:00.000+07:00", calendarWarning: provisional2027 },
    });
  });

  it("moves the clock and lists what fired, in Bangkok time; bad input changes nothing", async () => {
    const bad = await call("POST", "/local/clock", "operator", "{not json");
    expect([bad?.status, (bad?.body as { code?: string } | undefined)?.code, bad?.contentType]).toEqual([
      400,
      "INVALID_JSON",
      "application/problem+json; charset=utf-8",
    ]);
    expect(advanced).toEqual([]);
    const moved = await call("POST", "/local/clock", "operator", JSON.stringify({ advance: "P7D" }));
    expect(moved?.body).toEqual({
      from: "2027-03-01T10:00:00.000+07:00",
      now: "2027-03-08T10:00:00.000+07:00",
      fired: [
        {
          at: "2027-03-08T10:00:00.000+07:00",
          applicationId: "A1",
          step: "AwaitDecision",
          kind: "escalation",
        },
      ],
      calendarWarning: provisional2027,
    });
  });

  it("refuses to move past the calendar's last year with 409, and says nothing of verified years", async () => {
    const far = await call(
      "POST",
      "/local/clock",
      "operator",
      JSON.stringify({ set: "2031-01-01T00:00:00+07:00" }),
    );
    const problem = far?.body as { code?: string; detail?: string } | undefined;
    expect([far?.status, problem?.code]).toEqual([409, "CLOCK_OUTSIDE_CALENDAR"]);
    expect(problem?.detail).toContain("covers 2024–2030");
    expect(advanced.at(-1)?.getFullYear()).not.toBe(2031);
    clock = new Date("2026-04-10T10:00:00Z");
    expect((await call("GET", "/local/clock", "operator"))?.body).toEqual({
      now: "2026-04-10T17:00:00.000+07:00",
    });
  });

  it("leaves other paths to the rest of the local gateway", async () => {
    expect(await call("GET", "/applications", "operator")).toBeUndefined();
  });
});
