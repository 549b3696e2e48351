import type { StepOutcome, StepWait } from "../domain/workflow/progress";

/**
 * Where each application's workflow waits, and the outcomes its steps were given
 * (shared/domain/workflow/progress.ts). Outcomes are committed with the change that decides them,
 * through `ApplicationStore.apply`; this port reads them and records the workflow's side.
 */
export interface WorkflowProgress {
  /** The workflow reached a step (round 0: it is to be started); replaces the application's last wait. */
  recordWait(wait: StepWait): Promise<void>;
  currentWait(applicationId: string): Promise<StepWait | undefined>;
  outcome(applicationId: string, round: number): Promise<StepOutcome | undefined>;
  /** The outcome's notice was published (it is published again only if this was never recorded). */
  markAnnounced(applicationId: string, round: number, at: string): Promise<void>;
}
