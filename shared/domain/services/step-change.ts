import type {
  ApplyExtras,
  IdempotentResult,
  LicenseRecord,
  PendingResume,
  PendingTask,
} from "../../ports/application-store";
import type { HumanStep } from "../application/status";
import type { ApplicationChange } from "../application/types";
import { problems } from "../errors";
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
  if (options.licenseUpdate) extras.licenseUpdate = options.licenseUpdate;
  if (options.idempotency) extras.idempotency = options.idempotency;
  if (resume) extras.resume = resume;
  await deps.store.apply(change, extras);
  if (resume) await resumeWorkflow(deps, resume);
}

/**
 * The workflow records a step's token a moment after the previous step ends (or after an overdue
 * notice, before it waits again); an action in that moment waits briefly for it rather than failing.
 * With a step, a wait at another step means the action is out of order, not early: refused at once.
 * Without one, whichever step the workflow waits at (withdraw ends any of them).
 */
export async function waitForPendingTask(
  deps: Pick<Dependencies, "store">,
  id: string,
  step?: HumanStep,
): Promise<PendingTask> {
  for (let attempt = 0; attempt < 15; attempt++) {
    const pending = await deps.store.pendingTasksOf(id);
    const task = step ? pending.find((t) => t.step === step) : pending[0];
    if (task) return task;
    if (pending.length > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100 * Math.min(attempt + 1, 5)));
  }
  throw problems.workflowNotWaiting(step ?? "any");
}
