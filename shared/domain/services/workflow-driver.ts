import type { StepWait } from "../workflow/progress";
import { workflowInput } from "./applications";
import type { Dependencies } from "./dependencies";
import { settleOutcome } from "./step-change";

type Deps = Pick<
  Dependencies,
  "store" | "progress" | "workflow" | "publisher" | "notifier" | "clock" | "catalog"
>;

/** A record the table's stream reports: an outcome committed, or a wait recorded. */
export type ProgressRecord =
  | { entity: "outcome"; applicationId: string; round: number }
  | { entity: "wait"; wait: StepWait };

/**
 * The durable side of "an action never waits on the workflow" (AWS: the table's stream, with
 * retries; locally: the reconciler). Whatever died between a commit and the workflow hearing of it,
 * the stream reports the committed item and this settles it: an outcome is sent on the wait of its
 * round, a wait takes its round's outcome, and a submission (round 0) starts its execution. Every
 * path is idempotent: sending on a token twice, or starting an execution by the same name, does nothing.
 */
export async function driveWorkflow(deps: Deps, record: ProgressRecord): Promise<void> {
  if (record.entity === "outcome") {
    await settleOutcome(deps, record.applicationId, record.round);
    return;
  }
  const { wait } = record;
  if (wait.round === 0) {
    await deps.workflow.startExecution({
      name: wait.applicationId,
      licenseTypeId: wait.licenseTypeId,
      input: workflowInput({ id: wait.applicationId, licenseTypeId: wait.licenseTypeId }),
    });
    return;
  }
  await settleOutcome(deps, wait.applicationId, wait.round);
}
