import { describe, expect, it } from "vitest";
import { ApplicationDeadlines } from "../../../shared/domain/application/deadlines";
import type { ApplicationChange } from "../../../shared/domain/application/types";
import { numberRetryDelayMs, performOfficerAction } from "../../../shared/domain/services/officer";
import type { ApplyExtras } from "../../../shared/ports/application-store";
import { accountOf, FakeOfficerDirectory } from "../../support/fake-officer-directory";
import {
  catalog,
  FakeApplicationStore,
  FakeNotifier,
  FakePublisher,
  FakeWorkflowEngine,
  FakeWorkflowProgress,
  FixedClock,
  stepWait,
} from "./fakes";
import { applicationIn, mondayTen, officer } from "./fixtures";

const scope = "KD-FOOD200-2569";

/** An issue that loses the number to another issue once, as two clicks on two applications would. */
class RacedStore extends FakeApplicationStore {
  raced = false;
  override async apply(change: ApplicationChange, extras?: ApplyExtras): Promise<void> {
    if (extras?.sequence && !this.raced) {
      this.raced = true;
      this.sequences.set(scope, (this.sequences.get(scope) ?? 0) + 1);
    }
    return super.apply(change, extras);
  }
}

function setup(store: FakeApplicationStore) {
  const app = applicationIn("PAYMENT_CONFIRMED");
  store.apps.set(app.id, app);
  store.waits.set(app.id, stepWait("licenseIssue", 3));
  store.sequences.set(scope, 4);
  const deps = {
    store,
    idempotency: store,
    licenses: store,
    progress: new FakeWorkflowProgress(store),
    publisher: new FakePublisher(),
    notifier: new FakeNotifier(),
    workflow: new FakeWorkflowEngine(),
    clock: new FixedClock(mondayTen),
    deadlines: new ApplicationDeadlines(),
    officers: new FakeOfficerDirectory([accountOf(officer.userId)]),
    catalog,
  };
  return { app, deps };
}

describe("issuing a license takes the next number only when the issue is recorded", () => {
  it("takes the number after the last one, in the same write", async () => {
    const store = new FakeApplicationStore();
    const { app, deps } = setup(store);
    const issued = await performOfficerAction(deps, officer, app.id, { action: "issue-license" });
    expect(issued.licenseNumber).toBe(`${scope}-000005`);
    expect(store.applied[0]?.extras?.sequence).toEqual({ scope, value: 5 });
    expect(store.licenses.get(`${scope}-000005`)).toMatchObject({ applicationId: app.id });
  });

  it("reads the sequence again and retries when another issue took the number first", async () => {
    const store = new RacedStore();
    const { app, deps } = setup(store);
    const issued = await performOfficerAction(deps, officer, app.id, { action: "issue-license" });
    // Number 5 went to the other issue; this one is 6, and nothing was written for the lost try.
    expect(issued.licenseNumber).toBe(`${scope}-000006`);
    expect(store.applied).toHaveLength(1);
    expect(await store.currentSequence(scope)).toBe(6);
  });

  it("lets issues of one sequence in one process take turns: ten at once, no try lost", async () => {
    // Each write yields, as a real one would; without turns all ten read number 5 and nine lose it.
    class SlowStore extends FakeApplicationStore {
      attempts = 0;
      override async apply(change: ApplicationChange, extras?: ApplyExtras): Promise<void> {
        this.attempts++;
        await new Promise((resolve) => setTimeout(resolve, 2));
        return super.apply(change, extras);
      }
    }
    const store = new SlowStore();
    const { app, deps } = setup(store);
    const ids = Array.from({ length: 10 }, (_, n) => `${app.id.slice(0, -2)}${String(n).padStart(2, "0")}`);
    for (const id of ids) {
      store.apps.set(id, { ...app, id });
      store.waits.set(id, stepWait("licenseIssue", 3));
    }
    const issued = await Promise.all(
      ids.map((id) => performOfficerAction(deps, officer, id, { action: "issue-license" })),
    );
    expect(issued.map((a) => a.licenseNumber!.slice(-2)).sort()).toEqual([
      "05",
      "06",
      "07",
      "08",
      "09",
      "10",
      "11",
      "12",
      "13",
      "14",
    ]);
    expect(store.attempts).toBe(10);
  });
});

describe("a lost number is tried again after an exponential backoff with full jitter", () => {
  it("waits up to 10 ms × 2^attempt, at most 1 s, anywhere from zero", () => {
    expect(numberRetryDelayMs(1, () => 1)).toBe(20);
    expect(numberRetryDelayMs(3, () => 0.5)).toBe(40);
    expect(numberRetryDelayMs(12, () => 1)).toBe(1_000);
    expect(numberRetryDelayMs(5, () => 0)).toBe(0);
  });
});
