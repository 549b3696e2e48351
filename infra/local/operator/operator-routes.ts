import type { IncomingMessage } from "node:http";
import type { Role } from "../../../shared/domain/actor";
import { DomainError, problems } from "../../../shared/domain/errors";
import { problemBody, problemContentType, statusOf } from "../../../shared/http/problem-details";
import type { LocalRoute, LocalRouteResult } from "../api-gateway";
import { assertWithinCalendar, calendarNotice } from "../clock-start";
import type { LocalJwtIssuer } from "../jwt-issuer";
import type { FiredTimer } from "../local-clock";
import type { LocalNotificationLog } from "../notification-log";
import type { LocalOutbox } from "../outbox";
import { formatBangkok, parseClockCommand, targetInstant } from "./clock-command";

export interface OperatorDeps {
  issuer: LocalJwtIssuer;
  notifications: LocalNotificationLog;
  /** What each person was sent (e-mail's stand-in), beside what was published. */
  outbox: LocalOutbox;
  now: () => Date;
  advanceClock: (to: Date) => Promise<FiredTimer[]>;
}

/**
 * The local operator API: the system clock (read it, move it forward and see what fired) and the
 * notification log. Only the seeded local operator may use it; it is not in the routes manifest,
 * so no deployment ever has it (an infra test checks).
 */
export function operatorRoutes(deps: OperatorDeps): LocalRoute {
  return async (req, body, url) => {
    const route = `${req.method} ${url.pathname}`;
    if (
      !["GET /local/clock", "POST /local/clock", "GET /local/notifications", "GET /local/outbox"].includes(
        route,
      )
    )
      return undefined;
    try {
      await authorizeOperator(deps.issuer, req);
      if (route === "GET /local/clock")
        return ok({ now: formatBangkok(deps.now()), ...calendarOf(deps.now()) });
      if (route === "GET /local/notifications") {
        const filter: { applicationId?: string; topic?: string } = {};
        const applicationId = url.searchParams.get("applicationId");
        const topic = url.searchParams.get("topic");
        if (applicationId) filter.applicationId = applicationId;
        if (topic) filter.topic = topic;
        return ok({ items: deps.notifications.list(filter) });
      }
      if (route === "GET /local/outbox") {
        const filter: { applicationId?: string; userId?: string } = {};
        const applicationId = url.searchParams.get("applicationId");
        const userId = url.searchParams.get("userId");
        if (applicationId) filter.applicationId = applicationId;
        if (userId) filter.userId = userId;
        return ok({ items: deps.outbox.list(filter) });
      }
      const command = parseClockCommand(parseJson(body));
      const from = deps.now();
      const to = targetInstant(command, from);
      assertWithinCalendar(to);
      const fired = await deps.advanceClock(to);
      return ok({
        from: formatBangkok(from),
        now: formatBangkok(deps.now()),
        fired: fired.map((f) => ({ ...f, at: formatBangkok(new Date(f.at)) })),
        ...calendarOf(deps.now()),
      });
    } catch (error) {
      if (error instanceof DomainError) return problem(error);
      throw error;
    }
  };
}

async function authorizeOperator(issuer: LocalJwtIssuer, req: IncomingMessage): Promise<void> {
  const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
  const claims = token ? await issuer.verify(token) : undefined;
  if (!claims) throw problems.unauthenticated();
  const groups = (claims["cognito:groups"] as Role[] | undefined) ?? [];
  if (!groups.includes("local-operator"))
    throw problems.forbidden({
      en: "Only the local operator may use the operator API",
      th: "เฉพาะผู้ดูแลระบบในเครื่อง (local operator) เท่านั้นที่ใช้ operator API ได้",
    });
}

function parseJson(body: string): unknown {
  if (!body.trim()) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    throw problems.invalidJson();
  }
}

const ok = (body: unknown): LocalRouteResult => ({ status: 200, body });

/** Tells the operator when the clock stands in a year whose holidays are not verified. */
function calendarOf(now: Date): { calendarWarning?: string } {
  const notice = calendarNotice(now);
  return notice ? { calendarWarning: notice } : {};
}

function problem(error: DomainError): LocalRouteResult {
  return { status: statusOf(error.kind), contentType: problemContentType, body: problemBody(error) };
}
