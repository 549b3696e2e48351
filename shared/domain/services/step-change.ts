import type {
  ApplyExtras,
  IdempotentResult,
  LicenseRecord,
  PendingResume,
  PendingTask,
  SequenceAdvance,
} from "../../ports/application-store";
import type { Actor } from "../actor";
import { alreadyDecided, lastDecision, sameStepDecided } from "../application/already-decided";
import type { HumanStep } from "../application/status";
import type { Application, ApplicationChange } from "../application/types";
import { DomainError, problems } from "../errors";
import type { Dependencies } from "./dependencies";
import { resumeWorkflow } from "./workflow-resume";

type Deps = Pick<Dependencies, "store" | "workflow">;

/**
 * Writes a change that ends a human step and hands its outcome to the workflow. The change, its
 * event, the consumed task token and the stored outcome go in one transaction; the outcome is then
 * sent back on the token. Whatever happens between the two, the decision is in DynamoDB first.
 */
export async function commitStepChange(
  deps: Deps,
  change: ApplicationChange,
  options: {
    task?: PendingTask | undefined;
    output?: Record<string, unknown>;
    license?: LicenseRecord | undefined;
    sequence?: SequenceAdvance | undefined;
    licenseUpdate?: LicenseRecord | undefined;
    idempotency?: IdempotentResult | undefined;
  } = {},
): Promise<void> {
  const resume: PendingResume | undefined =
    options.task && options.output
      ? {
          applicationId: change.application.id,
          step: options.task.step,
          token: options.task.token,
          output: options.output,
          appVersion: change.application.version,
          createdAt: change.application.updatedAt,
        }
      : undefined;
  const extras: ApplyExtras = {};
  if (options.license) extras.license = options.license;
  if (options.sequence) extras.sequence = options.sequence;
  if (options.licenseUpdate) extras.licenseUpdate = options.licenseUpdate;
  if (options.idempotency) extras.idempotency = options.idempotency;
  if (resume) extras.resume = resume;
  await deps.store.apply(change, extras);
  if (resume) await resumeWorkflow(deps, resume);
}

/**
 * The workflow records a step's token a moment after the previous step ends (or after an overdue
 * notice, before it waits again); an action in that moment waits briefly for it rather than failing.
 * With steps, a wait at another step means the action is out of order, not early: refused at once.
 * Without, whichever step the workflow waits at (withdraw ends any of them). When nothing waits and
 * the application moved on from the version the action read, someone else decided the step: the
 * caller's `settleLostRace` tells the actor so.
 */
export async function waitForPendingTask(
  deps: Pick<Dependencies, "store">,
  seen: Pick<Application, "id" | "version">,
  steps?: HumanStep | readonly HumanStep[],
): Promise<PendingTask> {
  const wanted = steps === undefined ? undefined : typeof steps === "string" ? [steps] : steps;
  for (let attempt = 0; attempt < 15; attempt++) {
    const pending = await deps.store.pendingTasksOf(seen.id);
    const task = wanted ? pending.find((t) => wanted.includes(t.step)) : pending[0];
    if (task) return task;
    if (pending.length > 0) break;
    const now = await deps.store.get(seen.id);
    if (now && now.version !== seen.version) throw problems.concurrentModification();
    await new Promise((resolve) => setTimeout(resolve, 100 * Math.min(attempt + 1, 5)));
  }
  throw problems.workflowNotWaiting(wanted?.join(" or ") ?? "any");
}

/**
 * Runs an action that read `seen` and may lose a race for its step. A loss surfaces as a version
 * conflict, a consumed task, or (read after the winner) a status the action no longer fits; when the
 * history shows the same step decided since, the actor gets 409 STEP_ALREADY_DECIDED with the
 * decision and the status now. Any other error passes through unchanged.
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
    const outOfStep = error.code === "INVALID_STATUS_FOR_ACTION";
    if (!outOfStep && current.version === seen.version) throw error;
    const decision = lastDecision(await deps.store.history(seen.id));
    if (outOfStep && !sameStepDecided(attempted, decision)) throw error;
    throw alreadyDecided(attempted, current, decision, actor);
  }
}

const raceCodes = new Set(["CONCURRENT_MODIFICATION", "WORKFLOW_NOT_WAITING", "INVALID_STATUS_FOR_ACTION"]);
