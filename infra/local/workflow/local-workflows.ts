import type { LicenseType } from "../../../shared/catalog";
import { distinctWorkflows, type WorkflowKey } from "../../../shared/domain/workflow/workflow-key";
import { type LicenseWorkflow, licenseWorkflow } from "../../../statemachines/license-workflow";

/**
 * The workflows the local stack runs: as in AWS, one per workflow key (ADR 0013), built once and shared
 * by every license type of that shape, and the key each license type runs on.
 */
export interface LocalWorkflows {
  byKey: Readonly<Record<WorkflowKey, LicenseWorkflow>>;
  keyOf(licenseTypeId: string): WorkflowKey | undefined;
}

export function localWorkflows(
  licenseTypes: readonly Pick<LicenseType, "id" | "caseType" | "workflow">[],
): LocalWorkflows {
  const distinct = distinctWorkflows(licenseTypes);
  const byKey = Object.fromEntries(distinct.map((w) => [w.key, licenseWorkflow(w.shape)]));
  const keys = new Map(distinct.flatMap((w) => w.licenseTypeIds.map((id) => [id, w.key] as const)));
  return { byKey, keyOf: (licenseTypeId) => keys.get(licenseTypeId) };
}
