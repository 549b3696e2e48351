import type { LicenseType } from "../../catalog/schema";
import type { Application } from "../application/types";
import { problems } from "../errors";
import type { StepOutcome } from "./progress";
import {
  type AnnotatingAction,
  edgeOf,
  type StepAction,
  type StepGraph,
  stepGraphOf,
  stepsAnnotatedBy,
  stepsEndedBy,
} from "./step-graph";
import { workflowShapeOf } from "./workflow-key";

/** The step graph of a license type (its workflow flags and case type). */
export function graphOf(lt: Pick<LicenseType, "caseType" | "workflow">): StepGraph {
  return stepGraphOf(workflowShapeOf(lt));
}

/**
 * Whether `action` fits the application now: it must end (or annotate) the step the application
 * waits at. When the status alone cannot tell (approving UNDER_REVIEW while the committee has not
 * met), the answer names the step it waits at (409 WORKFLOW_NOT_WAITING); otherwise the status does
 * not allow the action (409 INVALID_STATUS_FOR_ACTION).
 */
export function assertActionFits(
  app: Application,
  graph: StepGraph,
  action: StepAction | AnnotatingAction,
): void {
  const at = app.awaiting?.step;
  const steps = [...stepsEndedBy(graph, action), ...stepsAnnotatedBy(graph, action)];
  if (at && steps.includes(at)) return;
  if (at && steps.some((step) => graph.steps.get(step)?.statuses.includes(app.status)))
    throw problems.workflowNotWaiting(at);
  throw problems.invalidTransition(action, app.status);
}

/**
 * Ends the step the application waits at with `action`: the application's next step (none when the
 * workflow ends) and the outcome to store with the change. The caller checked the action fits.
 */
export function endStep(
  app: Application,
  graph: StepGraph,
  action: StepAction,
  now: Date,
): { awaiting: Application["awaiting"]; outcome: StepOutcome } {
  const current = app.awaiting;
  const edge = current && edgeOf(graph, current.step, action);
  if (!current || !edge) throw problems.invalidTransition(action, app.status);
  const outcome: StepOutcome = {
    applicationId: app.id,
    round: current.round,
    step: current.step,
    action,
    committedAt: now.toISOString(),
  };
  const awaiting = typeof edge.to === "string" ? { step: edge.to, round: current.round + 1 } : undefined;
  return { awaiting, outcome };
}
