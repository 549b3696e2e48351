import type { ApplicationStore, PendingResume } from "../../ports/application-store";
import { TaskNoLongerWaitingError, type WorkflowEngine } from "../../ports/workflow-engine";

/**
 * Hands a decided step's outcome to the workflow. The outcome was stored with the decision, so if
 * the wait has meanwhile timed out (the token is dead), nothing is lost: the workflow's next wait at
 * that step finds the stored outcome and continues with it (see `takeStoredOutcome`).
 */
export async function resumeWorkflow(
  deps: { store: ApplicationStore; workflow: WorkflowEngine },
  resume: PendingResume,
): Promise<void> {
  try {
    await deps.workflow.sendTaskSuccess(resume.token, resume.output);
  } catch (error) {
    if (error instanceof TaskNoLongerWaitingError) return;
    throw error;
  }
  await deps.store.deleteResume(resume.applicationId, resume.step);
}

/** At a new wait: the outcome an action stored for this step and version, if its token died. */
export async function storedOutcomeFor(
  store: ApplicationStore,
  app: { id: string; version: number },
  step: PendingResume["step"],
): Promise<PendingResume | undefined> {
  const resume = await store.getResume(app.id, step);
  if (!resume) return undefined;
  if (resume.appVersion === app.version) return resume;
  // A later change (the workflow came back to this step by another path) makes it stale.
  await store.deleteResume(app.id, step);
  return undefined;
}
