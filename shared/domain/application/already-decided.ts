import type { Actor } from "../actor";
import { problems } from "../errors";
import { thaiDateTime } from "../texts/reader-format";
import { stepGraphOf, stepsEndedBy } from "../workflow/step-graph";
import type { HumanStep } from "./status";
import type { Application, HistoryEvent } from "./types";

/**
 * When two people act on one step at once, one wins; the other must learn what happened — that the
 * step was decided by someone else, and where the application stands now — not that "the workflow is
 * not waiting", which reads like a system fault.
 */

/** Between them, these shapes hold every step and edge a workflow can have. */
const everyStep = [
  stepGraphOf({
    caseType: "new",
    inspection: true,
    committee: true,
    payment: true,
    pickup: true,
    assessment: false,
  }),
  stepGraphOf({
    caseType: "new",
    inspection: false,
    committee: false,
    payment: true,
    pickup: false,
    assessment: true,
  }),
];

/** The human steps an action (as named in the history) ends: what two actions can collide on. */
export function stepsEndedByAction(action: string): readonly HumanStep[] {
  // The workflow's own return ends the fix step, as a resubmission would have.
  if (action === "return") return ["applicantFix"];
  return [...new Set(everyStep.flatMap((graph) => stepsEndedBy(graph, action)))];
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
  const mine = decision?.actor.userId === actor.userId;
  const what = decision
    ? ` (${decision.action} ${mine ? "by you" : "by someone else"}, at ${decision.at})`
    : "";
  const whatTh = decision
    ? ` (${decision.action} โดย${mine ? "ท่านเอง" : "ผู้อื่น"} เมื่อ ${thaiDateTime(decision.at)})`
    : "";
  return problems.stepAlreadyDecided(
    {
      en: `"${attempted}" was not applied: the step was already decided${what}; the application is now ${current.status}`,
      th: `ไม่ได้ดำเนินการ "${attempted}": ขั้นตอนนี้ได้รับการดำเนินการไปแล้ว${whatTh} ขณะนี้คำขออยู่ในสถานะ ${current.status}`,
    },
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
