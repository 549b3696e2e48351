import { afterEach, describe, expect, it, vi } from "vitest";
import { LocalClock } from "../../../infra/local/local-clock";
import { LocalWorkflowEngine } from "../../../infra/local/workflow/local-workflow-engine";
import { findLicenseType } from "../../../shared/catalog";
import { licenseWorkflow } from "../../../statemachines/license-workflow";

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
const workflow = licenseWorkflow(findLicenseType(licenseTypeId)!);
const { definition } = workflow;
const outcome = { round: 0, action: "submit" };

describe("the local workflow engine's state machines", () => {
  let engine: LocalWorkflowEngine | undefined;
  const clock = new LocalClock();
  afterEach(async () => {
    await engine?.stop();
    built.count = 0;
  });

  it("builds one per license type and start state, and runs every execution on it", async () => {
    // Every task answers at once; a human step then waits on its held promise.
    const invoke = vi.fn(async () => ({}));
    engine = new LocalWorkflowEngine({ [licenseTypeId]: workflow }, invoke, clock);
    for (const name of ["A1", "A2", "A3"])
      await engine.startExecution({
        name,
        licenseTypeId,
        input: { applicationId: name, licenseTypeId, outcome },
      });
    await engine.settled();
    expect(built.count).toBe(1);
    expect(["A1", "A2", "A3"].map((n) => engine!.execution(n)?.status)).toEqual([
      "RUNNING",
      "RUNNING",
      "RUNNING",
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
  });
});
