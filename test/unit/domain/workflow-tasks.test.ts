import { describe, expect, it } from "vitest";
import type { Application } from "../../../shared/domain/application/types";
import { problems } from "../../../shared/domain/errors";
import {
  escalateOverdue,
  recordWait,
  returnApplication,
} from "../../../shared/domain/services/workflow-tasks";
import {
  catalog,
  FakeApplicationStore,
  FakeNotifier,
  FakePublisher,
  FakeWorkflowEngine,
  FakeWorkflowProgress,
  FixedClock,
} from "./fakes";
import { applicationIn, fixDeadline, fixRequested, mondayTen } from "./fixtures";

const decisionDueAt = "2026-04-01T09:30:00.000Z";
const considering = (overrides: Partial<Application> = {}) =>
  applicationIn("UNDER_REVIEW", {
    decision: undefined,
    clockStartedAt: mondayTen.toISOString(),
    decisionDueAt,
    dueAt: decisionDueAt,
    awaiting: { step: "decision", round: 4 },
    ...overrides,
  });

function setup(app: Application, now: Date) {
  const log: string[] = [];
  const store = new FakeApplicationStore([app], log);
  return {
    log,
    store,
    progress: new FakeWorkflowProgress(store),
    workflow: new FakeWorkflowEngine(log),
    publisher: new FakePublisher(),
    notifier: new FakeNotifier(),
    roles: { members: async () => ["opdc-user"] },
    officers: { listByAgency: async () => [] },
    clock: new FixedClock(now),
    catalog,
  };
}

const input = (app: Application, afterRound = 3) => ({
  applicationId: app.id,
  step: "decision" as const,
  stateName: "AwaitDecision",
  taskToken: "new-token",
  stateInput: { applicationId: app.id, outcome: { round: afterRound } },
  afterRound,
});

describe("recordWait", () => {
  it("records where the workflow waits (round after the last outcome), with the application's due time", async () => {
    const app = considering();
    const deps = setup(app, mondayTen);
    await expect(recordWait(deps, input(app))).resolves.toEqual({ round: 4, settled: false });
    expect(deps.store.waits.get(app.id)).toEqual({
      applicationId: app.id,
      licenseTypeId: app.licenseTypeId,
      round: 4,
      step: "decision",
      token: "new-token",
      stateName: "AwaitDecision",
      stateInput: { applicationId: app.id, outcome: { round: 3 } },
      createdAt: mondayTen.toISOString(),
      dueAt: decisionDueAt,
    });
    expect(deps.workflow.sent).toEqual([]);
  });

  it("takes an outcome committed before the workflow got there, at once: recorded first, then sent", async () => {
    const app = considering({ status: "APPROVED", awaiting: { step: "payment", round: 5 } });
    const deps = setup(app, mondayTen);
    deps.store.outcomes.set(`${app.id}#4`, {
      applicationId: app.id,
      round: 4,
      step: "decision",
      action: "approve",
      committedAt: mondayTen.toISOString(),
    });
    await expect(recordWait(deps, input(app))).resolves.toEqual({ round: 4, settled: true });
    expect(deps.log).toEqual(["recordWait decision 4", "sendTaskSuccess new-token"]);
    // The due time belongs to the payment the application waits for now, not to this wait.
    expect(deps.store.waits.get(app.id)).not.toHaveProperty("dueAt");
  });

  it("APPLICATION_NOT_FOUND for an unknown application", async () => {
    const deps = setup(considering(), mondayTen);
    const error = await recordWait(deps, { ...input(considering()), applicationId: "nope" }).catch((e) => e);
    expect(error).toMatchObject({ code: "APPLICATION_NOT_FOUND", kind: "notFound" });
  });
});

describe("escalateOverdue", () => {
  const late = new Date(Date.parse(decisionDueAt) + 3_600_000);
  const run = (deps: ReturnType<typeof setup>, app: Application) =>
    escalateOverdue(deps, { applicationId: app.id, step: "decision", afterRound: 3 });

  it("sends one notice to the applicant, copied to OPDC and the supervisor, and waits 7 days", async () => {
    const app = considering({
      delayReason: { reason: "รอผลตรวจน้ำ", recordedAt: "2026-03-30T03:00:00.000Z", recordedBy: "officer-1" },
    });
    const deps = setup(app, late);
    await expect(run(deps, app)).resolves.toEqual({ timeoutSeconds: 7 * 86_400, noticeNo: 1 });
    expect(deps.publisher.published).toHaveLength(1);
    const [{ topic, notification } = { topic: undefined, notification: undefined }] =
      deps.publisher.published;
    expect(topic).toBe("overdueEscalations");
    expect(notification).toMatchObject({
      kind: "decisionOverdue",
      applicationId: app.id,
      agencyId: "sao-khlong-dan",
      status: "UNDER_REVIEW",
      at: "2026-04-01T10:30:00.000Z",
      data: { noticeNo: 1, reasonTh: "รอผลตรวจน้ำ", nextNoticeAt: "2026-04-08T10:30:00.000Z" },
    });
    expect(notification?.recipients).toEqual([
      { role: "applicant", id: "applicant-1" },
      { role: "opdc", copy: true },
      { role: "agency-supervisor", agencyId: "sao-khlong-dan", copy: true },
    ]);
    expect(notification?.messageTh).toContain("เหตุแห่งความล่าช้า: รอผลตรวจน้ำ (แจ้งครั้งที่ 1");
    expect(notification?.messageEn).toContain("Reason for the delay: รอผลตรวจน้ำ (notice 1, copy to OPDC)");
    expect((await deps.store.get(app.id))?.overdue?.noticeCount).toBe(1);
  });

  it("sends nothing once decided: the wait takes the stored outcome at once", async () => {
    const app = considering({ status: "APPROVED", awaiting: { step: "payment", round: 5 } });
    const deps = setup(app, late);
    await expect(run(deps, app)).resolves.toEqual({ timeoutSeconds: 60 });
    expect(deps.publisher.published).toEqual([]);
    expect(deps.store.applied).toEqual([]);
  });

  it("sends nothing when the step ended meanwhile (the inspection recorded; the decision still outstanding)", async () => {
    const app = considering({ awaiting: { step: "decision", round: 5 } });
    const deps = setup(app, late);
    await expect(run(deps, app)).resolves.toEqual({ timeoutSeconds: 60 });
    expect(deps.publisher.published).toEqual([]);
    expect(deps.store.applied).toEqual([]);
  });

  it("woken before the next notice is due, waits out the rest instead", async () => {
    const overdue = {
      since: decisionDueAt,
      noticeCount: 1,
      lastNoticeAt: decisionDueAt,
      nextNoticeAt: "2026-04-08T09:30:00.000Z",
    };
    const app = considering({ overdue });
    const deps = setup(app, new Date("2026-04-05T09:30:00.000Z"));
    await expect(run(deps, app)).resolves.toEqual({ timeoutSeconds: 3 * 86_400 });
    expect(deps.publisher.published).toEqual([]);
    expect(deps.store.applied).toEqual([]);
    // At the due time it sends the second notice.
    deps.clock.set(new Date(overdue.nextNoticeAt));
    await expect(run(deps, app)).resolves.toEqual({ timeoutSeconds: 7 * 86_400, noticeNo: 2 });
    expect(deps.publisher.published).toHaveLength(1);
  });

  it("retries a concurrent modification and still sends exactly one notice", async () => {
    const app = considering();
    const deps = setup(app, late);
    deps.store.applyFailures.push(problems.concurrentModification());
    await expect(run(deps, app)).resolves.toEqual({ timeoutSeconds: 7 * 86_400, noticeNo: 1 });
    expect(deps.log).toEqual(["apply overdue-notice", "apply overdue-notice"]);
    expect(deps.publisher.published).toHaveLength(1);
  });

  it("gives up with CONCURRENT_MODIFICATION after three tries, having sent nothing", async () => {
    const app = considering();
    const deps = setup(app, late);
    deps.store.applyFailures.push(...[1, 2, 3].map(() => problems.concurrentModification()));
    await expect(run(deps, app)).rejects.toMatchObject({ code: "CONCURRENT_MODIFICATION" });
    expect(deps.publisher.published).toEqual([]);
  });
});

describe("returnApplication", () => {
  const afterDeadline = new Date(Date.parse(fixDeadline) + 1000);

  it("returns an application still awaiting its fix, and tells the applicant", async () => {
    const app = fixRequested();
    const deps = setup(app, afterDeadline);
    await expect(returnApplication(deps, { applicationId: app.id })).resolves.toEqual({
      returned: true,
      timeoutSeconds: 60,
    });
    expect((await deps.store.get(app.id))?.status).toBe("RETURNED");
    expect((await deps.store.get(app.id))?.awaiting).toBeUndefined();
    expect(deps.publisher.published).toHaveLength(1);
    expect(deps.publisher.published[0]).toMatchObject({
      topic: "fixRequests",
      notification: { kind: "returned", status: "RETURNED" },
    });
  });

  it("returns nothing once resubmitted: the fix step takes the stored resubmission at once", async () => {
    const app = { ...fixRequested(), status: "RESUBMITTED" as const };
    const deps = setup(app, afterDeadline);
    await expect(returnApplication(deps, { applicationId: app.id })).resolves.toEqual({
      returned: false,
      timeoutSeconds: 60,
    });
    expect(deps.store.applied).toEqual([]);
    expect(deps.publisher.published).toEqual([]);
  });

  it("run again after a crash, reports the return made and sends the same notice (one id)", async () => {
    const app = fixRequested();
    const deps = setup(app, afterDeadline);
    await returnApplication(deps, { applicationId: app.id });
    await expect(returnApplication(deps, { applicationId: app.id })).resolves.toMatchObject({
      returned: true,
    });
    expect(deps.store.applied).toHaveLength(1);
    const ids = deps.publisher.published.map((p) => p.notification.id);
    expect(ids).toEqual([`${app.id}:returned`, `${app.id}:returned`]);
  });
});
