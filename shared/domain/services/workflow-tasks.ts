import type { OfficerDirectory } from "../../ports/officer-directory";
import {
  decisionOutstanding,
  decisionWaitSeconds,
  nextDecisionWakeUp,
  recordOverdueNotice,
} from "../application/decision-clock";
import { returnForMissedFixDeadline } from "../application/fix-request";
import type { HumanStep } from "../application/status";
import { DomainError, problems } from "../errors";
import { overdueNotification, returnNotice } from "../workflow/notices";
import { alreadyDecidedWaitSeconds, roundAfter, type StepWait } from "../workflow/progress";
import type { Dependencies } from "./dependencies";
import { sendNotice, sendNoticeWithCopies } from "./notices";
import { settleOutcome } from "./step-change";

type Deps<K extends keyof Dependencies> = Pick<Dependencies, K>;

/**
 * The workflow reached a human step: record where it waits (with the token and the state's input),
 * then settle the step's outcome if an action already committed it. Recording first and reading
 * second, as the action commits first and reads the wait second, means one of the two always sees
 * the other: no outcome is left undelivered.
 */
export async function recordWait(
  deps: Deps<"store" | "progress" | "workflow" | "publisher" | "notifier" | "clock" | "catalog">,
  input: {
    applicationId: string;
    step: HumanStep;
    stateName: string;
    taskToken: string;
    stateInput: unknown;
    afterRound: number;
  },
): Promise<{ round: number; settled: boolean }> {
  const app = await deps.store.get(input.applicationId);
  if (!app) throw problems.applicationNotFound();
  const round = roundAfter(input.afterRound);
  const wait: StepWait = {
    applicationId: app.id,
    licenseTypeId: app.licenseTypeId,
    round,
    step: input.step,
    token: input.taskToken,
    stateName: input.stateName,
    stateInput: input.stateInput,
    createdAt: deps.clock.now().toISOString(),
  };
  if (app.dueAt && app.awaiting?.round === round) wait.dueAt = app.dueAt;
  await deps.progress.recordWait(wait);
  const settled = await settleOutcome(deps, app.id, round);
  return { round, settled: settled === "delivered" };
}

/**
 * s.10: the decision is overdue. Tell the applicant why (the officer's recorded reason, or that none
 * was recorded), copy OPDC and the agency's supervisor, record it in the history, and wait 7 days more.
 * If the step was decided while the wait was timing out, send nothing: the next wait takes it.
 */
export async function escalateOverdue(
  deps: Deps<"store" | "publisher" | "notifier" | "roles" | "clock"> & {
    officers: Pick<OfficerDirectory, "listByAgency">;
  },
  input: { applicationId: string; step: HumanStep; afterRound: number },
): Promise<{ timeoutSeconds: number; noticeNo?: number }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const app = await deps.store.get(input.applicationId);
    if (!app) throw problems.applicationNotFound();
    const now = deps.clock.now();
    if (!decisionOutstanding(app) || app.awaiting?.round !== roundAfter(input.afterRound))
      return { timeoutSeconds: alreadyDecidedWaitSeconds };
    const wakeUp = nextDecisionWakeUp(app);
    // Woken early (e.g. resumed after a restart): wait out the rest instead of sending early.
    if (wakeUp && wakeUp.getTime() > now.getTime()) return { timeoutSeconds: decisionWaitSeconds(app, now) };
    const { change, notice } = recordOverdueNotice(app, now);
    try {
      await deps.store.apply(change);
    } catch (error) {
      if (error instanceof DomainError && error.code === "CONCURRENT_MODIFICATION") continue;
      throw error;
    }
    await sendNoticeWithCopies(
      deps,
      "overdueEscalations",
      overdueNotification(change.application, notice, now),
    );
    return { timeoutSeconds: decisionWaitSeconds(change.application, now), noticeNo: notice.noticeNo };
  }
  throw problems.concurrentModification();
}

/**
 * s.8: the fix deadline passed; return the application and tell the applicant why. If the fix (or a
 * withdrawal) arrived as the wait timed out, it is not returned: the fix step takes that outcome.
 * Run again after a crash, a return already made is reported (and its notice sent) again.
 */
export async function returnApplication(
  deps: Deps<"store" | "publisher" | "notifier" | "clock">,
  input: { applicationId: string },
): Promise<{ returned: boolean; timeoutSeconds: number }> {
  const app = await deps.store.get(input.applicationId);
  if (!app) throw problems.applicationNotFound();
  const now = deps.clock.now();
  let returned = app;
  if (app.status === "FIX_REQUESTED") {
    const change = returnForMissedFixDeadline(app, now);
    await deps.store.apply(change);
    returned = change.application;
  }
  if (returned.status !== "RETURNED") return { returned: false, timeoutSeconds: alreadyDecidedWaitSeconds };
  const { topic, notification } = returnNotice(returned, now);
  await sendNotice(deps, topic, notification);
  return { returned: true, timeoutSeconds: alreadyDecidedWaitSeconds };
}
