import { afterEach, describe, expect, it, vi } from "vitest";
import { ApplicationDeadlines } from "../../../shared/domain/application/deadlines";
import { applyOfficerAction } from "../../../shared/domain/application/officer-actions";
import { type DomainError, problems } from "../../../shared/domain/errors";
import {
  commitStepChange,
  settleLostRace,
  waitForPendingTask,
} from "../../../shared/domain/services/step-change";
import type { IdempotentResult, LicenseRecord } from "../../../shared/ports/application-store";
import { FakeApplicationStore, FakeWorkflowEngine, pendingTask } from "./fakes";
import { applicationIn, foodType, hoursLater, mondayTen, officer } from "./fixtures";

const review = applicationIn("UNDER_REVIEW", { decision: undefined });
const id = review.id;
const now = hoursLater(mondayTen, 2);
const approval = applyOfficerAction(
  review,
  { action: "approve", feeTHB: 2500 },
  { licenseType: foodType, officer, now, deadlines: new ApplicationDeadlines() },
);
const task = pendingTask("decision", { token: "token-decision-1" });
const output = { action: "approve" };
const idempotency: IdempotentResult = {
  scope: "officer-1",
  key: "k-1",
  requestHash: "h",
  response: { ok: 1 },
};
const license: LicenseRecord = {
  number: "KD-FOOD200-2569-000001",
  applicationId: id,
  licenseTypeId: review.licenseTypeId,
  agencyId: review.agencyId,
  holderId: review.applicantId,
  businessName: "บริษัท ครัวคลองด่าน จำกัด",
  issuedAt: now.toISOString(),
  validUntil: null,
};

function setup() {
  const log: string[] = [];
  const store = new FakeApplicationStore([review], log);
  store.tasks.set(`${id}#decision`, task);
  const workflow = new FakeWorkflowEngine(log);
  return { log, store, workflow };
}

describe("commitStepChange", () => {
  it("writes the change with the outcome and idempotency result, then sends the token and deletes the outcome", async () => {
    const { log, store, workflow } = setup();
    await commitStepChange({ store, workflow }, approval, { task, output, idempotency, license });
    expect(store.applied).toHaveLength(1);
    expect(store.applied[0]?.change.application.status).toBe("APPROVED");
    expect(store.applied[0]?.extras).toEqual({
      license,
      idempotency,
      resume: {
        applicationId: id,
        step: "decision",
        token: "token-decision-1",
        output: { action: "approve" },
        appVersion: 6,
        createdAt: "2026-03-02T05:00:00.000Z",
      },
    });
    expect(workflow.sent).toEqual([{ token: "token-decision-1", output: { action: "approve" } }]);
    expect(log).toEqual(["apply approve", "sendTaskSuccess token-decision-1", `deleteResume ${id} decision`]);
    expect(store.resumes.size).toBe(0);
    // The store consumed the task with the change.
    expect(store.tasks.size).toBe(0);
  });

  it("when the wait has timed out (TaskNoLongerWaiting) keeps the stored outcome and succeeds", async () => {
    const { log, store, workflow } = setup();
    workflow.deadTokens.add("token-decision-1");
    await expect(commitStepChange({ store, workflow }, approval, { task, output })).resolves.toBeUndefined();
    expect(log).toEqual(["apply approve", "sendTaskSuccess token-decision-1"]);
    expect(store.resumes.get(`${id}#decision`)).toMatchObject({ token: "token-decision-1", appVersion: 6 });
    expect(workflow.sent).toEqual([]);
  });

  it("any other failure to send propagates, with the outcome still stored", async () => {
    const { store, workflow } = setup();
    workflow.failure = new Error("ThrottlingException");
    await expect(commitStepChange({ store, workflow }, approval, { task, output })).rejects.toThrow(
      "ThrottlingException",
    );
    expect(store.resumes.size).toBe(1);
  });

  it("sends nothing when the write fails", async () => {
    const { log, store, workflow } = setup();
    store.applyFailures.push(new Error("ConditionalCheckFailed"));
    await expect(commitStepChange({ store, workflow }, approval, { task, output })).rejects.toThrow(
      "ConditionalCheckFailed",
    );
    expect(log).toEqual(["apply approve"]);
    expect(store.resumes.size).toBe(0);
  });

  it("an annotating change (no task or no output) only writes, with the extras given", async () => {
    const { log, store, workflow } = setup();
    await commitStepChange({ store, workflow }, approval, { licenseUpdate: license });
    expect(store.applied[0]?.extras).toEqual({ licenseUpdate: license });
    await commitStepChange({ store, workflow }, { ...approval, expectedVersion: 6 }, { task });
    expect(store.applied[1]?.extras).toEqual({});
    expect(log).toEqual(["apply approve", "apply approve"]);
    expect(workflow.sent).toEqual([]);
  });
});

describe("waitForPendingTask", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("returns the step's task when the workflow waits there", async () => {
    const { store } = setup();
    await expect(waitForPendingTask({ store }, review, "decision")).resolves.toEqual(task);
    expect(store.pendingCalls).toBe(1);
  });

  it("finds the step's task among several", async () => {
    const { store } = setup();
    store.pendingAnswers.push([pendingTask("inspection"), task]);
    await expect(waitForPendingTask({ store }, review, "decision")).resolves.toEqual(task);
  });

  it("refuses at once with WORKFLOW_NOT_WAITING when another step is pending", async () => {
    const { store } = setup();
    store.tasks.clear();
    store.tasks.set(`${id}#payment`, pendingTask("payment"));
    const error = (await waitForPendingTask({ store }, review, "decision").catch((e) => e)) as DomainError;
    expect(error).toMatchObject({ code: "WORKFLOW_NOT_WAITING", status: 409 });
    expect(error.detail).toBe('The workflow is not waiting at step "decision"');
    expect(store.pendingCalls).toBe(1);
  });

  it("answers CONCURRENT_MODIFICATION at once when nothing waits and the application moved on", async () => {
    const { store } = setup();
    store.tasks.clear();
    store.apps.set(id, { ...review, version: review.version + 1, status: "APPROVED" });
    const error = (await waitForPendingTask({ store }, review, "decision").catch((e) => e)) as DomainError;
    expect(error).toMatchObject({ code: "CONCURRENT_MODIFICATION", status: 409 });
    expect(store.pendingCalls).toBe(1);
  });

  it("takes the first of several steps an action may end (a refusal during the inspection)", async () => {
    const { store } = setup();
    store.tasks.clear();
    store.tasks.set(`${id}#inspection`, pendingTask("inspection"));
    const found = await waitForPendingTask({ store }, review, ["decision", "inspection", "committee"]);
    expect(found.step).toBe("inspection");
  });

  it("waits briefly for a token the workflow is about to record", async () => {
    vi.useFakeTimers();
    const { store } = setup();
    store.pendingAnswers.push([], []);
    const waiting = waitForPendingTask({ store }, review, "decision");
    await vi.advanceTimersByTimeAsync(300);
    await expect(waiting).resolves.toEqual(task);
    expect(store.pendingCalls).toBe(3);
  });

  it("gives up with WORKFLOW_NOT_WAITING after 15 looks (6.5 s) when nothing is pending", async () => {
    vi.useFakeTimers();
    const { store } = setup();
    store.tasks.clear();
    let settled: unknown;
    const waiting = waitForPendingTask({ store }, review, "decision").catch((e) => {
      settled = e;
    });
    await vi.advanceTimersByTimeAsync(6_400);
    expect(settled).toBeUndefined();
    await vi.advanceTimersByTimeAsync(100);
    await waiting;
    expect(settled).toMatchObject({ code: "WORKFLOW_NOT_WAITING" });
    expect(store.pendingCalls).toBe(15);
  });
});

describe("waitForPendingTask without a step", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("returns whichever step the workflow waits at", async () => {
    const { store } = setup();
    await expect(waitForPendingTask({ store }, review)).resolves.toEqual(task);
  });

  it("gives up with WORKFLOW_NOT_WAITING (step any) when none appears", async () => {
    vi.useFakeTimers();
    const { store } = setup();
    store.tasks.clear();
    const waiting = waitForPendingTask({ store }, review).then(
      () => undefined,
      (e: unknown) => e as DomainError,
    );
    await vi.advanceTimersByTimeAsync(6_500);
    const error = await waiting;
    expect(error).toMatchObject({ code: "WORKFLOW_NOT_WAITING" });
    expect(error?.detail).toBe('The workflow is not waiting at step "any"');
    expect(store.pendingCalls).toBe(15);
  });
});

describe("settleLostRace", () => {
  const lose = (error: Error) => () => Promise.reject(error);

  it("tells the loser the step was decided when the application moved on since it was read", async () => {
    const { store } = setup();
    await store.apply(approval);
    const error = (await settleLostRace(
      { store },
      officer,
      "reject",
      review,
      lose(problems.concurrentModification()),
    ).catch((e) => e)) as DomainError;
    expect(error).toMatchObject({ code: "STEP_ALREADY_DECIDED", status: 409 });
    expect(error.extensions).toMatchObject({
      current: { status: "APPROVED", decision: { action: "approve" } },
    });
  });

  it("passes a conflict through, without reading the history, when the application did not move", async () => {
    const { store } = setup();
    const history = vi.spyOn(store, "history");
    const original = problems.workflowNotWaiting("decision");
    await expect(settleLostRace({ store }, officer, "approve", review, lose(original))).rejects.toBe(
      original,
    );
    expect(history).not.toHaveBeenCalled();
  });

  it("names a late attempt on a decided step, and leaves other refusals alone", async () => {
    const { store } = setup();
    await store.apply(approval);
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
