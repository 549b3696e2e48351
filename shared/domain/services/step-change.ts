import type { ApplyExtras } from "../../ports/application-store";
import { TaskNoLongerWaitingError } from "../../ports/workflow-engine";
import type { Actor } from "../actor";
import { alreadyDecided, lastDecision, sameStepDecided } from "../application/already-decided";
import { recordDecisionNotified } from "../application/decision-clock";
import type { Application, ApplicationChange } from "../application/types";
import { DomainError } from "../errors";
import { deliveryOf, type StepOutcome } from "../workflow/progress";
import { graphOf } from "../workflow/step-end";
import type { Dependencies } from "./dependencies";
import { licenseTypeOf } from "./license-type-of";
import { sendNotice } from "./notices";

type SettleDeps = Pick<
  Dependencies,
  "store" | "progress" | "workflow" | "publisher" | "notifier" | "clock" | "catalog"
>;

/**
 * Commits a change that ends the application's step, with the step's outcome, in one transaction,
 * then settles it: its notice goes out, and if the workflow already waits at that step it is told.
 * The action never waits for the workflow: when the workflow reaches the step later, its wait takes
 * the stored outcome at once (`recordWait`). Should anything fail after the commit, the decision
 * stands and the outcome is settled by the table's stream (AWS) or the local reconciler.
 */
export async function commitStepOutcome(
  deps: SettleDeps,
  change: ApplicationChange,
  outcome: StepOutcome | undefined,
  extras: Omit<ApplyExtras, "outcome"> = {},
): Promise<void> {
  await deps.store.apply(change, outcome ? { ...extras, outcome } : extras);
  await settleCommitted(deps, outcome);
}

/** After the commit, best effort: the outcome is decided, and the durable path settles what this cannot. */
export async function settleCommitted(deps: SettleDeps, outcome: StepOutcome | undefined): Promise<void> {
  if (!outcome) return;
  try {
    await settleOutcome(deps, outcome.applicationId, outcome.round, outcome);
  } catch {
    // Committed is decided: the durable path settles what this attempt could not.
  }
}

/**
 * Settles the outcome of round `round` (idempotent; run by whichever of the action, the wait, the
 * stream or the reconciler comes to it): publishes its notice once (at least once, by a stable id),
 * then, if the workflow waits at that round, sends it on the wait's token. A side way out of a step
 * is sent as a named failure the waiting state's Catch routes.
 */
export async function settleOutcome(
  deps: SettleDeps,
  applicationId: string,
  round: number,
  known?: StepOutcome,
): Promise<"delivered" | "pending" | "none"> {
  const outcome = known ?? (await deps.progress.outcome(applicationId, round));
  if (!outcome) return "none";
  if (outcome.notice && !outcome.announcedAt) await announce(deps, outcome);
  const wait = await deps.progress.currentWait(applicationId);
  if (!wait?.token || wait.round !== round) return "pending";
  const app = await deps.store.get(applicationId);
  if (!app) return "none";
  const delivery = deliveryOf(graphOf(licenseTypeOf(deps, app)), outcome, app, deps.clock.now());
  try {
    if (delivery.kind === "success") await deps.workflow.sendTaskSuccess(wait.token, { ...delivery.message });
    else await deps.workflow.sendTaskFailure(wait.token, delivery.error, delivery.cause);
  } catch (error) {
    // The wait timed out meanwhile: the workflow waits at this round again and takes it then.
    if (error instanceof TaskNoLongerWaitingError) return "pending";
    throw error;
  }
  return "delivered";
}

async function announce(deps: SettleDeps, outcome: StepOutcome): Promise<void> {
  const { topic, notification } = outcome.notice!;
  await sendNotice(deps, topic, notification);
  const now = deps.clock.now();
  await deps.progress.markAnnounced(outcome.applicationId, outcome.round, now.toISOString());
  if (notification.kind === "approved" || notification.kind === "rejected")
    await recordDecisionNotice(deps, outcome.applicationId, now);
}

/** s.10: record when the applicant was told of the decision (the version race is retried). */
async function recordDecisionNotice(deps: Pick<Dependencies, "store">, id: string, now: Date): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const app = await deps.store.get(id);
    if (!app || app.decisionNotifiedAt) return;
    try {
      await deps.store.apply(recordDecisionNotified(app, now));
      return;
    } catch (error) {
      if (!(error instanceof DomainError && error.code === "CONCURRENT_MODIFICATION")) throw error;
    }
  }
}

/**
 * Runs an action that read `seen` and may lose a race for its step. A loss surfaces as a version
 * conflict, or (read after the winner) a status the action no longer fits; when the history shows
 * the same step decided since, the actor gets 409 STEP_ALREADY_DECIDED with the decision and the
 * status now. Any other error passes through unchanged.
 */
export async function settleLostRace<T>(
  deps: Pick<Dependencies, "store">,
  actor: Actor,
  attempted: string,
  seen: Pick<Application, "id" | "version">,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof DomainError) || !raceCodes.has(error.code)) throw error;
    const current = await deps.store.get(seen.id);
    if (!current) throw error;
    // A conflict while the application stayed where the action read it is not a lost race (an
    // action out of order): it passes through without reading the history.
    const outOfStep = error.code !== "CONCURRENT_MODIFICATION";
    if (!outOfStep && current.version === seen.version) throw error;
    const decision = lastDecision(await deps.store.history(seen.id));
    if (outOfStep && !sameStepDecided(attempted, decision)) throw error;
    throw alreadyDecided(attempted, current, decision, actor);
  }
}

const raceCodes = new Set(["CONCURRENT_MODIFICATION", "WORKFLOW_NOT_WAITING", "INVALID_STATUS_FOR_ACTION"]);
