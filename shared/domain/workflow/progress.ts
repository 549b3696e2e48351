import { decisionWaitSeconds } from "../application/decision-clock";
import type { HumanStep } from "../application/status";
import type { Application } from "../application/types";
import type { Notification, NotificationTopic } from "../notification";
import { edgeOf, isForwardEdge, type StepAction, type StepGraph } from "./step-graph";

/**
 * How an application's workflow makes progress without anyone waiting on it (issue 14, item 5).
 *
 * Every time a human step ends, the application's `round` advances. The action that ends the step of
 * round r commits a `StepOutcome` of round r with the status change, in one transaction, and answers
 * at once. The workflow records a `StepWait` of round r when it reaches that step. Whichever comes
 * second settles the pair: the outcome is sent on the wait's task token. So the outcome is the truth,
 * the workflow catches up with it, and neither side waits for the other.
 */

/** Where the workflow waits (round 0: it is still to be started). One per application. */
export interface StepWait {
  applicationId: string;
  licenseTypeId: string;
  round: number;
  /** Absent in round 0 (no state waits yet). */
  step?: HumanStep;
  token?: string;
  /** The waiting state and its input: enough to wait there again after a local restart. */
  stateName?: string;
  stateInput?: unknown;
  createdAt: string;
  dueAt?: string;
}

/** The committed end of one step: what the workflow is told when it reaches that step. */
export interface StepOutcome {
  applicationId: string;
  round: number;
  step: HumanStep;
  action: StepAction;
  committedAt: string;
  /** The notice this outcome sends, composed from the change that committed it. */
  notice?: { topic?: NotificationTopic; notification: Notification };
  /** When the notice went out (published before this is set: at least once, de-duplicated by id). */
  announcedAt?: string;
}

/** What the workflow receives on the task token: the state machine routes and times on it. */
export interface WorkflowMessage {
  round: number;
  action: StepAction;
  /** The next step's timeout, counted when the message is sent, i.e. when that step starts to wait. */
  wait?: { timeoutSeconds: number };
}

/** A side way out of a step is a named task failure, which the waiting state's Catch routes. */
export type Delivery =
  | { kind: "success"; message: WorkflowMessage }
  | { kind: "failure"; error: string; cause: string };

export const outcomeErrorPrefix = "Outcome.";

/** The error name a side outcome is delivered as (its Catch in the state machine matches it). */
export function outcomeErrorName(action: StepAction): string {
  return `${outcomeErrorPrefix}${action}`;
}

/** The step an action committed in round r leads to waits a fresh timeout: count it now. */
export function deliveryOf(graph: StepGraph, outcome: StepOutcome, app: Application, now: Date): Delivery {
  const edge = edgeOf(graph, outcome.step, outcome.action);
  if (!edge) throw new Error(`The action ${outcome.action} does not end the step ${outcome.step}`);
  const message: WorkflowMessage = { round: outcome.round, action: outcome.action };
  const next = typeof edge.to === "string" ? graph.steps.get(edge.to) : undefined;
  const timeoutSeconds =
    next?.timer === "fixDeadline"
      ? fixWaitSeconds(app, now)
      : next?.timer === "decisionClock"
        ? decisionWaitSeconds(app, now)
        : undefined;
  if (timeoutSeconds !== undefined) message.wait = { timeoutSeconds };
  return isForwardEdge(graph, outcome.step, outcome.action)
    ? { kind: "success", message }
    : { kind: "failure", error: outcomeErrorName(outcome.action), cause: JSON.stringify(message) };
}

/**
 * s.8: the applicant has until the deadline. When the application has already moved on (the fix is
 * in, and its outcome will be taken at once), any positive bound will do.
 */
function fixWaitSeconds(app: Application, now: Date): number {
  if (app.status !== "FIX_REQUESTED" || !app.fixRequest) return alreadyDecidedWaitSeconds;
  return Math.max(1, Math.ceil((Date.parse(app.fixRequest.deadline) - now.getTime()) / 1000));
}

/**
 * A wait whose outcome is already stored takes it the moment it starts; its timeout only bounds a
 * wait that, against expectation, was not settled (the local reconciler or the stream settles it).
 */
export const alreadyDecidedWaitSeconds = 60;

/** The round of the wait a state enters, from the last message it carries (round 0 at the start). */
export function roundAfter(previousRound: number): number {
  return previousRound + 1;
}
