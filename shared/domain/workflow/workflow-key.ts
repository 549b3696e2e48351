import type { LicenseType } from "../../catalog/schema";
import type { WorkflowShape } from "./step-graph";

/**
 * The name of a step graph (ADR 0013): one state machine is deployed per key, shared by every license
 * type whose flags give that graph, so a new license type with a known shape is data only.
 *
 * `<ending>[-inspection][-committee][-payment][-pickup]`, the ending being what the workflow ends
 * with: `license` (issued; new, renew and amend share a graph), `assessment` (a tax assessed after
 * the approval, then paid) or `cancel` (cancelled by the approval). Only the flags the graph reads are
 * named: an assessment always has its payment step and never an issue or pickup, and a cancellation
 * ends at its approval, so those flags are left out of their keys. Two shapes have the same key
 * exactly when `stepGraphOf` gives them the same graph (test/unit/domain/workflow/workflow-key.test.ts).
 *
 * Lower-case words and hyphens only: valid in a state machine's name (at most 43 characters, under
 * its limit of 80 with the stage's prefix) and, PascalCased or with the hyphens dropped, in a
 * CloudFormation logical id.
 */
export type WorkflowKey = string;

export type WorkflowEnding = "license" | "assessment" | "cancel";

/** The shape with only what its graph reads: the one every shape of its key is built as. */
export function canonicalShape(shape: WorkflowShape): WorkflowShape {
  const ending = endingOf(shape);
  return {
    // Renewals and amendments have the graph of a new license.
    caseType: ending === "cancel" ? "cancel" : "new",
    inspection: shape.inspection,
    committee: shape.committee,
    payment: ending === "license" ? shape.payment : ending === "assessment",
    pickup: ending === "license" && shape.pickup,
    assessment: ending === "assessment",
  };
}

export function workflowKeyOf(shape: WorkflowShape): WorkflowKey {
  const canonical = canonicalShape(shape);
  const flags = (["inspection", "committee", "payment", "pickup"] as const).filter(
    // An assessment's payment step is part of its ending, not a flag.
    (flag) => canonical[flag] && !(flag === "payment" && canonical.assessment),
  );
  return [endingOf(shape), ...flags].join("-");
}

/** The variant flags of a license type, as its catalog entry states them. */
export function workflowShapeOf(lt: Pick<LicenseType, "caseType" | "workflow">): WorkflowShape {
  const { inspection, committee, payment, pickup } = lt.workflow;
  return {
    caseType: lt.caseType,
    inspection,
    committee,
    payment,
    pickup,
    assessment: lt.workflow.assessment ?? false,
  };
}

/** The key of the state machine a license type's applications run on. */
export function workflowKeyOfLicenseType(lt: Pick<LicenseType, "caseType" | "workflow">): WorkflowKey {
  return workflowKeyOf(workflowShapeOf(lt));
}

export interface DistinctWorkflow {
  key: WorkflowKey;
  shape: WorkflowShape;
  licenseTypeIds: string[];
}

/** The distinct workflows of a catalog, in key order, each with the license types that run on it. */
export function distinctWorkflows(
  licenseTypes: readonly Pick<LicenseType, "id" | "caseType" | "workflow">[],
): DistinctWorkflow[] {
  const byKey = new Map<WorkflowKey, DistinctWorkflow>();
  for (const lt of licenseTypes) {
    const shape = canonicalShape(workflowShapeOf(lt));
    const key = workflowKeyOf(shape);
    const workflow = byKey.get(key) ?? { key, shape, licenseTypeIds: [] };
    workflow.licenseTypeIds.push(lt.id);
    byKey.set(key, workflow);
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
}

function endingOf(shape: WorkflowShape): WorkflowEnding {
  if (shape.caseType === "cancel") return "cancel";
  return shape.assessment ? "assessment" : "license";
}
