import type { OfficerActionName } from "../../schemas/officer-actions";
import type { Actor } from "../actor";
import { problems } from "../errors";
import { officerActionRules, stepsEndedBy } from "./officer-actions";
import { type HumanStep, humanSteps } from "./status";
import type { Application, HistoryEvent } from "./types";

/**
 * When two people act on one step at once, one wins; the other must learn what happened — that the
 * step was decided by someone else, and where the application stands now — not that "the workflow is
 * not waiting", which reads like a system fault.
 */

/** The human steps an action (as named in the history) ends: what two actions can collide on. */
export function stepsEndedByAction(action: string): readonly HumanStep[] {
  if (action in officerActionRules) return stepsEndedBy(action as OfficerActionName);
  if (action === "resubmit" || action === "return") return ["applicantFix"];
  // A withdrawal ends whichever step the workflow waits at.
  if (action === "withdraw") return humanSteps;
  return [];
}

/** The latest event that ended a human step: the decision the loser of a race collided with. */
export function lastDecision(events: readonly HistoryEvent[]): HistoryEvent | undefined {
  for (let i = events.length - 1; i >= 0; i--)
    if (stepsEndedByAction(events[i]!.action).length > 0) return events[i];
  return undefined;
}

/**
 * Did a decision on the same step as `attempted` already happen? True when the latest decision ends
 * one of the steps the attempted action would end (approve after a reject: both end "decision").
 */
export function sameStepDecided(attempted: string, decision: HistoryEvent | undefined): boolean {
  if (!decision) return false;
  const ended = stepsEndedByAction(decision.action);
  return stepsEndedByAction(attempted).some((step) => ended.includes(step));
}

/** 409 STEP_ALREADY_DECIDED: who decided what and when, and the application's status now. */
export function alreadyDecided(
  attempted: string,
  current: Application,
  decision: HistoryEvent | undefined,
  actor: Actor,
) {
  const by = decision && (decision.actor.userId === actor.userId ? "by you" : "by someone else");
  const what = decision ? ` (${decision.action} ${by}, at ${decision.at})` : "";
  return problems.stepAlreadyDecided(
    `"${attempted}" was not applied: the step was already decided${what}; the application is now ${current.status}`,
    {
      status: current.status,
      version: current.version,
      ...(decision
        ? {
            decision: {
              action: decision.action,
              by: decision.actor.userId,
              role: decision.actor.role,
              at: decision.at,
            },
          }
        : {}),
    },
  );
}
