import { describe, expect, it } from "vitest";
import { allLicenseTypes } from "../../../../shared/catalog";
import { stepGraphOf, type WorkflowShape } from "../../../../shared/domain/workflow/step-graph";
import {
  canonicalShape,
  distinctWorkflows,
  workflowKeyOf,
  workflowKeyOfLicenseType,
} from "../../../../shared/domain/workflow/workflow-key";

const caseTypes = ["new", "renew", "amend", "cancel"] as const;
const flags = ["inspection", "committee", "payment", "pickup", "assessment"] as const;

/** Every shape there is: 4 case types × 2⁵ flag settings. */
const allShapes: WorkflowShape[] = caseTypes.flatMap((caseType) =>
  Array.from({ length: 2 ** flags.length }, (_, bits) => ({
    caseType,
    ...(Object.fromEntries(flags.map((flag, i) => [flag, (bits & (1 << i)) !== 0])) as Omit<
      WorkflowShape,
      "caseType"
    >),
  })),
);

/** The graph as comparable data (the Map of steps as an array, in its order). */
const graph = (shape: WorkflowShape) => JSON.stringify([...stepGraphOf(shape).steps.values()]);

const food: WorkflowShape = {
  caseType: "new",
  inspection: true,
  committee: false,
  payment: true,
  pickup: true,
  assessment: false,
};

describe("the workflow key of a shape", () => {
  it("names the ending and the flags the graph reads", () => {
    expect(workflowKeyOf(food)).toBe("license-inspection-payment-pickup");
    expect(workflowKeyOf({ ...food, caseType: "renew" })).toBe("license-inspection-payment-pickup");
    expect(workflowKeyOf({ ...food, inspection: false, payment: false, pickup: false })).toBe("license");
    expect(workflowKeyOf({ ...food, committee: true })).toBe("license-inspection-committee-payment-pickup");
    // The signboard tax: approved with fee 0, assessed, then paid.
    expect(workflowKeyOf({ ...food, inspection: false, pickup: false, assessment: true })).toBe("assessment");
    // A closure: its approval cancels the license; payment and pickup never happen.
    expect(workflowKeyOf({ ...food, caseType: "cancel", inspection: false })).toBe("cancel");
    expect(workflowKeyOf({ ...food, caseType: "cancel" })).toBe("cancel-inspection");
  });

  it("is the same for two shapes exactly when their graphs are the same (all 128 shapes)", () => {
    const described = allShapes.map((shape) => ({ shape, key: workflowKeyOf(shape), graph: graph(shape) }));
    const mismatches: string[] = [];
    for (const { shape: a, ...x } of described)
      for (const { shape: b, ...y } of described) {
        const sameKey = x.key === y.key;
        if (sameKey !== (x.graph === y.graph))
          mismatches.push(`${JSON.stringify(a)} / ${JSON.stringify(b)}: same key ${sameKey}`);
      }
    expect(mismatches).toEqual([]);
    expect(new Set(allShapes.map(workflowKeyOf)).size).toBe(new Set(allShapes.map(graph)).size);
  });

  it("changes with every flag where the graph reads it, and with cancel against the other case types", () => {
    for (const flag of ["inspection", "committee", "payment", "pickup", "assessment"] as const)
      expect(workflowKeyOf({ ...food, [flag]: !food[flag] }), flag).not.toBe(workflowKeyOf(food));
    expect(workflowKeyOf({ ...food, caseType: "cancel" })).not.toBe(workflowKeyOf(food));
    for (const flag of ["inspection", "committee"] as const) {
      const cancel = { ...food, caseType: "cancel" as const };
      expect(workflowKeyOf({ ...cancel, [flag]: !cancel[flag] }), flag).not.toBe(workflowKeyOf(cancel));
    }
  });

  it("builds the same graph from the canonical shape as from any shape of its key", () => {
    for (const shape of allShapes) {
      expect(graph(canonicalShape(shape))).toBe(graph(shape));
      expect(workflowKeyOf(canonicalShape(shape))).toBe(workflowKeyOf(shape));
    }
  });

  it("is valid as a state machine's name (with the stage's prefix) and as a logical id", () => {
    for (const key of new Set(allShapes.map(workflowKeyOf))) {
      expect(key).toMatch(/^[a-z]+(-[a-z]+)*$/);
      // Step Functions: 1–80 characters of letters, digits, - and _.
      expect(`bizportal-production-${key}`.length).toBeLessThanOrEqual(80);
    }
  });
});

describe("the workflow keys of the catalog", () => {
  it("gives each license type the key of its flags and groups the types by key", () => {
    const types = allLicenseTypes();
    const workflows = distinctWorkflows(types);
    expect(workflows.flatMap((w) => w.licenseTypeIds).sort()).toEqual(types.map((t) => t.id).sort());
    for (const w of workflows) {
      expect(workflowKeyOf(w.shape)).toBe(w.key);
      for (const id of w.licenseTypeIds)
        expect(workflowKeyOfLicenseType(types.find((t) => t.id === id)!)).toBe(w.key);
    }
    expect(workflows.map((w) => w.key)).toEqual([...workflows.map((w) => w.key)].sort());
  });

  it("puts food premises, fuel stations and their renewals and amendments on one workflow", () => {
    const workflows = distinctWorkflows(allLicenseTypes());
    expect(workflows.find((w) => w.key === "license-inspection-payment-pickup")?.licenseTypeIds).toEqual(
      expect.arrayContaining([
        "food-premises-over-200sqm-klong-dan",
        "food-premises-over-200sqm-renewal-klong-dan",
        "fuel-station-amendment-klong-dan",
      ]),
    );
  });
});
