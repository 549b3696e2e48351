import { afterEach, describe, expect, it, vi } from "vitest";
import { LocalClock } from "../../../infra/local/local-clock";
import { LocalWorkflowEngine } from "../../../infra/local/workflow/local-workflow-engine";
import { localWorkflows } from "../../../infra/local/workflow/local-workflows";
import { allLicenseTypes } from "../../../shared/catalog";

// Counts the StateMachines built: each construction validates the whole definition.
const built = vi.hoisted(() => ({ count: 0 }));
vi.mock("aws-local-stepfunctions", async (importOriginal) => {
  const real = await importOriginal<typeof import("aws-local-stepfunctions")>();
  class CountedStateMachine extends real.StateMachine {
    constructor(...args: ConstructorParameters<typeof real.StateMachine>) {
      super(...args);
      built.count++;
    }
  }
  return { ...real, StateMachine: CountedStateMachine };
});

const licenseTypeId = "food-premises-over-200sqm-klong-dan";
const workflows = localWorkflows(allLicenseTypes());
const { definition } = workflows.byKey["license-inspection-payment-pickup"]!;
const outcome = { round: 0, action: "submit" };

describe("the local workflow engine's state machines", () => {
  let engine: LocalWorkflowEngine | undefined;
  const clock = new LocalClock();
  afterEach(async () => {
    await engine?.stop();
    built.count = 0;
  });

  it("builds one per workflow key and start state, and runs every execution on it", async () => {
    // Every task answers at once; a human step then waits on its held promise.
    const invoke = vi.fn(async () => ({}));
    engine = new LocalWorkflowEngine(workflows, invoke, clock);
    // Three license types of one shape (a renewal and a fuel station among them): one machine.
    const sameKey = {
      A1: licenseTypeId,
      A2: "food-premises-over-200sqm-renewal-klong-dan",
      A3: "fuel-station-license-klong-dan",
    };
    for (const [name, type] of Object.entries(sameKey))
      expect(
        await engine.startExecution({
          name,
          licenseTypeId: type,
          input: { applicationId: name, licenseTypeId: type, outcome },
        }),
      ).toEqual({ executionId: `local:license-inspection-payment-pickup:${name}` });
    await engine.settled();
    expect(built.count).toBe(1);
    expect(["A1", "A2", "A3"].map((n) => engine!.execution(n))).toMatchObject([
      { status: "RUNNING", workflowKey: "license-inspection-payment-pickup", licenseTypeId },
      { status: "RUNNING", workflowKey: "license-inspection-payment-pickup", licenseTypeId: sameKey.A2 },
      { status: "RUNNING", workflowKey: "license-inspection-payment-pickup", licenseTypeId: sameKey.A3 },
    ]);

    // Resuming after a restart starts at the waiting state: one more machine, shared by both resumes.
    for (const applicationId of ["B1", "B2"])
      engine.resume({
        applicationId,
        licenseTypeId,
        round: 1,
        step: "completenessCheck",
        token: `old-${applicationId}`,
        stateName: definition.StartAt,
        stateInput: { applicationId, licenseTypeId, outcome },
        createdAt: clock.now().toISOString(),
      });
    await engine.settled();
    expect(built.count).toBe(2);
    expect(engine.execution("B2")?.statesEntered[0]).toBe(definition.StartAt);

    // Another shape is another machine; a license type outside the catalog has none.
    await engine.startExecution({
      name: "C1",
      licenseTypeId: "signboard-tax-klong-dan",
      input: { applicationId: "C1", licenseTypeId: "signboard-tax-klong-dan", outcome },
    });
    await engine.settled();
    expect(built.count).toBe(3);
    expect(engine.execution("C1")?.workflowKey).toBe("assessment");
    await expect(
      engine.startExecution({
        name: "D1",
        licenseTypeId: "liquor",
        input: { applicationId: "D1", licenseTypeId: "liquor", outcome },
      }),
    ).rejects.toThrow("No workflow for license type liquor");
  });
});
