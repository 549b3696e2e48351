import { workflowInput } from "../../../shared/domain/services/applications";
import type { LocalWorkflowEngine } from "./local-workflow-engine";
import type { LocalWorkflowProgress } from "./local-workflow-progress";

/**
 * Drives every workflow on the local stack from what is committed, whatever died when (issue 14,
 * item 9). At start-up it resumes each open wait: the execution waits again where it last waited, and
 * a wait whose outcome is already stored (committed, or even delivered just before a crash) takes it
 * at once, so the states between two waits run again. A submission whose execution never started is
 * started. Then, on a timer, it settles any outcome a live wait holds but was not sent (the stand-in
 * for the table stream that does this in AWS).
 */
export class LocalReconciler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly progress: LocalWorkflowProgress,
    private readonly engine: LocalWorkflowEngine,
    private readonly settle: (applicationId: string, round: number) => Promise<unknown>,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  /** Resumes every open workflow; returns how many. */
  async resumeAll(): Promise<number> {
    const waits = await this.progress.openWaits();
    for (const wait of waits) {
      if (wait.stateName) this.engine.resume(wait);
      else
        await this.engine.startExecution({
          name: wait.applicationId,
          licenseTypeId: wait.licenseTypeId,
          input: workflowInput({ id: wait.applicationId, licenseTypeId: wait.licenseTypeId }),
        });
    }
    return waits.length;
  }

  start(intervalMs = 2_000): void {
    this.timer = setInterval(() => {
      this.running ??= this.sweep().finally(() => {
        this.running = undefined;
      });
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Outcomes committed while their wait was open but never sent (e.g. the sender failed). */
  private async sweep(): Promise<void> {
    try {
      for (const wait of await this.progress.openWaits()) {
        if (wait.token && this.engine.isWaiting(wait.token))
          await this.settle(wait.applicationId, wait.round);
        else if (!wait.stateName && !this.engine.knows(wait.applicationId))
          await this.engine.startExecution({
            name: wait.applicationId,
            licenseTypeId: wait.licenseTypeId,
            input: workflowInput({ id: wait.applicationId, licenseTypeId: wait.licenseTypeId }),
          });
      }
    } catch (error) {
      this.log("The workflow reconciler's sweep failed (it runs again)", error);
    }
  }
}
