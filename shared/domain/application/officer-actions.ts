import type { LicenseType } from "../../catalog/schema";
import type { Notification } from "../notification";
import { inspectionScheduledNotice, noticeForAction } from "../workflow/notices";
import type { StepOutcome } from "../workflow/progress";
import { assertActionFits, endStep, graphOf } from "../workflow/step-end";
import type { AnnotatingAction, StepAction } from "../workflow/step-graph";
import { assertFixStillAllowed } from "./fix-request";
import { change } from "./lifecycle";
import { type OfficerActionContext, patchFor } from "./officer-action-patches";
import type { OfficerAction, OfficerActionName } from "./officer-action-types";
import type { Application, ApplicationChange } from "./types";

export type { OfficerActionContext } from "./officer-action-patches";

/**
 * The officer's side of the lifecycle (001's steps 6–15). Which action fits the application now
 * follows from its license type's step graph: an action ends (or annotates) the step the application
 * waits at. What each action changes is in `officerActionPatches`.
 */

const annotatingActions: ReadonlySet<OfficerActionName> = new Set<AnnotatingAction>([
  "schedule-inspection",
  "record-delay-reason",
]);

export interface OfficerActionOutcome extends ApplicationChange {
  /** The step's committed end, stored with the change; none for an action that only annotates. */
  outcome?: StepOutcome;
  /**
   * What an annotation tells the applicant (the inspection's date and place), sent after the commit,
   * best effort: an annotation ends no step, so no stored outcome would send it again.
   */
  notice?: Notification;
}

export function assertOfficerActionAllowed(
  app: Application,
  action: OfficerActionName,
  lt: LicenseType,
): void {
  if (action === "request-fix") assertFixStillAllowed(app);
  assertActionFits(app, graphOf(lt), action as StepAction | AnnotatingAction);
}

export function applyOfficerAction(
  app: Application,
  action: OfficerAction,
  ctx: OfficerActionContext,
): OfficerActionOutcome {
  assertOfficerActionAllowed(app, action.action, ctx.licenseType);
  const { patch, comment, data } = patchFor(app, action, ctx);
  if (annotatingActions.has(action.action)) {
    const annotated = change(app, patch, ctx.officer, "officer", action.action, ctx.now, { comment, data });
    return action.action === "schedule-inspection"
      ? { ...annotated, notice: inspectionScheduledNotice(annotated.application, ctx.now) }
      : annotated;
  }
  const stepAction = action.action as StepAction;
  const { awaiting, outcome } = endStep(app, graphOf(ctx.licenseType), stepAction, ctx.now);
  const changed = change(app, { ...patch, awaiting }, ctx.officer, "officer", action.action, ctx.now, {
    comment,
    data,
  });
  const notice = noticeForAction(stepAction, changed.application, outcome.round, ctx.now);
  return { ...changed, outcome: notice ? { ...outcome, notice } : outcome };
}
