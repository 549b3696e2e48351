import { describe, expect, it, vi } from "vitest";
import { ApplicationDeadlines } from "../../../shared/domain/application/deadlines";
import { applyOfficerAction } from "../../../shared/domain/application/officer-actions";
import { type DomainError, problems } from "../../../shared/domain/errors";
import {
  commitStepOutcome,
  settleLostRace,
  settleOutcome,
} from "../../../shared/domain/services/step-change";
import type { IdempotentResult } from "../../../shared/ports/idempotency-store";
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
import { applicationIn, foodType, hoursLater, mondayTen, officer } from "./fixtures";

const review = applicationIn("UNDER_REVIEW", {
  decision: undefined,
  awaiting: { step: "decision", round: 4 },
  clockStartedAt: mondayTen.toISOString(),
  decisionDueAt: "2026-04-01T09:30:00.000Z",
});
const id = review.id;
const now = hoursLater(mondayTen, 2);
const decide = (action: "approve" | "reject") =>
  applyOfficerAction(
    review,
    action === "approve" ? { action, feeTHB: 2500 } : { action, reasons: ["ผังเมืองห้าม"] },
    { licenseType: foodType, officer, now, deadlines: new ApplicationDeadlines() },
  );
const idempotency: IdempotentResult = {
  scope: "officer-1",
  key: "k-1",
  requestHash: "h",
  response: { ok: 1 },
};

function setup() {
  const log: string[] = [];
  const store = new FakeApplicationStore([review], log);
  const workflow = new FakeWorkflowEngine(log);
  const publisher = new FakePublisher();
  const deps = {
    store,
    workflow,
    publisher,
    notifier: new FakeNotifier(),
    progress: new FakeWorkflowProgress(store),
    clock: new FixedClock(now),
    catalog,
  };
  return { log, store, workflow, publisher, deps };
}

describe("commitStepOutcome", () => {
  it("writes the change with its outcome in one apply, announces it and, the workflow waiting there, sends it", async () => {
    const { log, store, workflow, publisher, deps } = setup();
    store.waits.set(id, stepWait("decision", 4));
    const approval = decide("approve");
    await commitStepOutcome(deps, approval, approval.outcome, { idempotency });
    expect(store.applied).toHaveLength(2);
    expect(store.applied[0]?.extras).toEqual({ idempotency, outcome: approval.outcome });
    expect(publisher.published.map((p) => p.notification.id)).toEqual([`${id}:4:approved`]);
    // The approval's forward way: a success, with the next step's timeout (payment is untimed).
    expect(workflow.sent).toEqual([{ token: "token-decision-4", output: { round: 4, action: "approve" } }]);
    expect(log).toEqual([
      "apply approve",
      "markAnnounced 4",
      // s.10: when the applicant was told of the decision.
      "apply decision-notice",
      "sendTaskSuccess token-decision-4",
    ]);
  });

  it("sends a side way out as the named failure its state catches, the message as the cause", async () => {
    const { workflow, store, deps } = setup();
    store.waits.set(id, stepWait("decision", 4));
    const refusal = decide("reject");
    await commitStepOutcome(deps, refusal, refusal.outcome);
    expect(workflow.failed).toEqual([
      {
        token: "token-decision-4",
        error: "Outcome.reject",
        cause: JSON.stringify({ round: 4, action: "reject" }),
      },
    ]);
  });

  it("answers at once when the workflow has not reached the step: the outcome waits for it", async () => {
    const { workflow, store, deps } = setup();
    store.waits.set(id, stepWait("inspection", 3));
    const approval = decide("approve");
    await commitStepOutcome(deps, approval, approval.outcome);
    expect(workflow.sent).toEqual([]);
    expect(store.outcomes.get(`${id}#4`)).toMatchObject({
      action: "approve",
      announcedAt: now.toISOString(),
    });
  });

  it("stands by a committed decision when sending fails: nothing is thrown, the outcome stays stored", async () => {
    const { workflow, store, deps } = setup();
    store.waits.set(id, stepWait("decision", 4));
    workflow.failure = new Error("ThrottlingException");
    const approval = decide("approve");
    await commitStepOutcome(deps, approval, approval.outcome);
    expect(store.apps.get(id)?.status).toBe("APPROVED");
    expect(store.outcomes.get(`${id}#4`)).toMatchObject({ action: "approve" });
  });

  it("sends and announces nothing when the write fails", async () => {
    const { workflow, publisher, store, deps } = setup();
    store.waits.set(id, stepWait("decision", 4));
    store.applyFailures.push(problems.concurrentModification());
    const approval = decide("approve");
    const error = await commitStepOutcome(deps, approval, approval.outcome).catch((e: DomainError) => e);
    expect(error).toMatchObject({ code: "CONCURRENT_MODIFICATION" });
    expect([workflow.sent, publisher.published, store.outcomes.size]).toEqual([[], [], 0]);
  });
});

describe("settleOutcome", () => {
  it("is idempotent: announced once, and a dead token (the wait timed out) leaves it for the next wait", async () => {
    const { workflow, publisher, store, deps } = setup();
    const approval = decide("approve");
    await commitStepOutcome(deps, approval, approval.outcome);
    store.waits.set(id, stepWait("decision", 4, { token: "dead" }));
    workflow.deadTokens.add("dead");
    expect(await settleOutcome(deps, id, 4)).toBe("pending");
    store.waits.set(id, stepWait("decision", 4, { token: "again" }));
    expect(await settleOutcome(deps, id, 4)).toBe("delivered");
    expect(publisher.published).toHaveLength(1);
    expect(workflow.sent.map((s) => s.token)).toEqual(["again"]);
  });

  it("finds nothing to do for a round without an outcome", async () => {
    const { deps } = setup();
    expect(await settleOutcome(deps, id, 9)).toBe("none");
  });
});

describe("settleLostRace", () => {
  const lose = (error: Error) => () => Promise.reject(error);

  it("tells the loser the step was decided when the application moved on since it was read", async () => {
    const { store } = setup();
    await store.apply(decide("approve"));
    const error = (await settleLostRace(
      { store },
      officer,
      "reject",
      review,
      lose(problems.concurrentModification()),
    ).catch((e) => e)) as DomainError;
    expect(error).toMatchObject({ code: "STEP_ALREADY_DECIDED", kind: "conflict" });
    expect(error.extensions).toMatchObject({
      current: { status: "APPROVED", decision: { action: "approve" } },
    });
  });

  it("passes a conflict through, without reading the history, when the application did not move", async () => {
    const { store } = setup();
    const history = vi.spyOn(store, "history");
    const original = problems.concurrentModification();
    await expect(settleLostRace({ store }, officer, "approve", review, lose(original))).rejects.toBe(
      original,
    );
    expect(history).not.toHaveBeenCalled();
  });

  it("names a late attempt on a decided step, and leaves other refusals alone", async () => {
    const { store } = setup();
    await store.apply(decide("approve"));
    const approved = (await store.get(id))!;
    const late = problems.invalidTransition("reject", "APPROVED");
    await expect(settleLostRace({ store }, officer, "reject", approved, lose(late))).rejects.toMatchObject({
      code: "STEP_ALREADY_DECIDED",
    });
    const unrelated = problems.invalidTransition("confirm-pickup", "APPROVED");
    await expect(
      settleLostRace({ store }, officer, "confirm-pickup", approved, lose(unrelated)),
    ).rejects.toBe(unrelated);
  });
});
