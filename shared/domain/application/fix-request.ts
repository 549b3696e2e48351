import type { LicenseType } from "../../catalog/schema";
import type { Actor } from "../actor";
import { problems } from "../errors";
import type { ApplicationDeadlines } from "./deadlines";
import { awaitingDecisionStatuses } from "./decision-clock";
import { change } from "./lifecycle";
import type { Application, ApplicationChange, FixRequest } from "./types";

/**
 * Section 8 of the Licensing Facilitation Act B.E. 2558, in one place. When an application is
 * incomplete the officer does not refuse it: they list what is missing, once, in a memo the applicant
 * signs (the fix request), with a deadline. The applicant supplies exactly the listed items by then
 * and the check starts again; if the deadline passes unfixed, the application is returned. Once the
 * documents are confirmed complete the legal clock runs and no new document may be demanded.
 *
 * The step graph (shared/domain/workflow/step-graph.ts) places these rules in the workflow: the
 * completeness check's request-fix edge, the applicant's fix step with its `fixDeadline` timer.
 */

/** The system's limit on a fix deadline, in calendar days, unless the license type sets its own. */
export const defaultFixDeadlineMaxDays = 90;
const dayMs = 86_400_000;

export function fixDeadlineMaxDays(licenseType: LicenseType): number {
  return licenseType.workflow.fixDeadlineMaxDays ?? defaultFixDeadlineMaxDays;
}

/** The latest deadline an officer may set now. */
export function latestFixDeadline(licenseType: LicenseType, now: Date): Date {
  return new Date(now.getTime() + fixDeadlineMaxDays(licenseType) * dayMs);
}

/**
 * The deadline in UTC (so due times sort as strings), once it is in the future and within the limit:
 * a date months away would hold the application open and defeat the section's purpose (and a
 * Standard workflow lives a year at most). Officers set a week or two.
 */
export function checkFixDeadline(deadline: string, licenseType: LicenseType, now: Date): string {
  const at = new Date(deadline);
  if (at.getTime() <= now.getTime())
    throw problems.invalidRequest({
      en: "The fix deadline must be in the future",
      th: "กำหนดเวลาแก้ไขต้องเป็นเวลาในอนาคต",
    });
  const latest = latestFixDeadline(licenseType, now);
  if (at.getTime() > latest.getTime())
    throw problems.fixDeadlineTooFar(fixDeadlineMaxDays(licenseType), latest.toISOString());
  return at.toISOString();
}

/** Consideration has started: no new document demands from here on. */
export function assertFixStillAllowed(app: Application): void {
  if (awaitingDecisionStatuses.includes(app.status)) throw problems.fixNotAllowedAfterComplete();
}

/** The memo: only documents the manual lists, a deadline within the limit, the officer who asked. */
export function fixRequestOf(
  action: { items: FixRequest["items"]; deadline: string; comment?: string | undefined },
  licenseType: LicenseType,
  officer: Actor,
  now: Date,
): FixRequest {
  const deadline = checkFixDeadline(action.deadline, licenseType, now);
  for (const item of action.items)
    if (!licenseType.manual.documents.some((d) => d.key === item.documentKey))
      throw problems.unknownDocumentRequirement(item.documentKey);
  const request: FixRequest = {
    items: action.items,
    deadline,
    requestedBy: officer.userId,
    requestedAt: now.toISOString(),
  };
  return action.comment ? { ...request, comment: action.comment } : request;
}

/** s.8 memo: the applicant signs the deficiency record (through the API) to say they have seen it. */
export function acknowledgeFixRequest(app: Application, actor: Actor, now: Date): ApplicationChange {
  if (app.status !== "FIX_REQUESTED" || !app.fixRequest)
    throw problems.invalidTransition("acknowledge-fix-request", app.status);
  if (app.fixRequest.acknowledgedAt) throw problems.alreadyAcknowledged();
  return change(
    app,
    { fixRequest: { ...app.fixRequest, acknowledgedAt: now.toISOString() } },
    actor,
    "applicant",
    "acknowledge-fix-request",
    now,
    { data: { items: app.fixRequest.items, deadline: app.fixRequest.deadline } },
  );
}

/** While a fix is open, only the listed documents may be replaced, and only before the deadline. */
export function assertFixDocumentAllowed(app: Application, documentKey: string, now: Date): void {
  if (app.status !== "FIX_REQUESTED" || !app.fixRequest) throw problems.documentsLocked(app.status);
  if (now.getTime() > Date.parse(app.fixRequest.deadline)) throw problems.fixDeadlinePassed();
  if (!app.fixRequest.items.some((i) => i.documentKey === documentKey))
    throw problems.documentNotInFixRequest(documentKey);
}

/** The applicant sends the fixed documents back: every listed item must have been replaced. */
export function resubmit(
  app: Application,
  licenseType: LicenseType,
  actor: Actor,
  now: Date,
  deadlines: ApplicationDeadlines,
  comment?: string,
): ApplicationChange {
  if (app.status !== "FIX_REQUESTED" || !app.fixRequest)
    throw problems.invalidTransition("resubmit", app.status);
  if (now.getTime() > Date.parse(app.fixRequest.deadline)) throw problems.fixDeadlinePassed();
  const requestedAt = Date.parse(app.fixRequest.requestedAt);
  const notFixed = app.fixRequest.items
    .map((i) => i.documentKey)
    .filter((key) => {
      const doc = app.documents[key];
      return !doc || Date.parse(doc.attachedAt) < requestedAt;
    });
  if (notFixed.length > 0) throw problems.missingDocuments(notFixed);
  const dueAt = deadlines.completenessCheckDue(now, licenseType).toISOString();
  return change(app, { status: "RESUBMITTED", dueAt }, actor, "applicant", "resubmit", now, { comment });
}

/** The deadline passed unfixed, so the application and its documents are returned. */
export function returnForMissedFixDeadline(app: Application, now: Date): ApplicationChange {
  if (app.status !== "FIX_REQUESTED") throw problems.invalidTransition("return", app.status);
  if (app.fixRequest && now.getTime() < Date.parse(app.fixRequest.deadline))
    throw problems.invalidTransition("return before the fix deadline", app.status);
  const system: Actor = { userId: "system", roles: [] };
  return change(
    app,
    { status: "RETURNED", dueAt: undefined, awaiting: undefined },
    system,
    "system",
    "return",
    now,
    {
      comment: "พ้นกำหนดเวลาแก้ไขเอกสารตามบันทึกความบกพร่อง (s.8) / fix deadline passed",
      data: { deadline: app.fixRequest?.deadline },
    },
  );
}
