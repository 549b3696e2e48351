import { describe, expect, it } from "vitest";
import type { Application } from "../../../shared/domain/application/types";
import { problems } from "../../../shared/domain/errors";
import {
  decisionWait,
  escalateOverdue,
  recordPendingTask,
  returnApplication,
  sendNotice,
} from "../../../shared/domain/services/workflow-tasks";
import type { PendingResume } from "../../../shared/ports/application-store";
import { FakeApplicationStore, FakePublisher, FakeWorkflowEngine, FixedClock } from "./fakes";
import { applicationIn, fixDeadline, fixRequested, mondayTen } from "./fixtures";

const decisionDueAt = "2026-04-01T09:30:00.000Z";
const dayMs = 86_400_000;
const considering = (overrides: Partial<Application> = {}) =>
  applicationIn("UNDER_REVIEW", {
    decision: undefined,
    clockStartedAt: mondayTen.toISOString(),
    decisionDueAt,
    dueAt: decisionDueAt,
    ...overrides,
  });

function setup(app: Application, now: Date) {
  const log: string[] = [];
  const store = new FakeApplicationStore([app], log);
  return {
    log,
    store,
    workflow: new FakeWorkflowEngine(log),
    publisher: new FakePublisher(),
    clock: new FixedClock(now),
  };
}

const resumeOf = (app: Application, overrides: Partial<PendingResume> = {}): PendingResume => ({
  applicationId: app.id,
  step: "decision",
  token: "old-token",
  output: { action: "approve" },
  appVersion: app.version,
  createdAt: mondayTen.toISOString(),
  ...overrides,
});

const input = (app: Application) => ({
  applicationId: app.id,
  step: "decision" as const,
  stateName: "AwaitDecision",
  taskToken: "new-token",
  stateInput: { applicationId: app.id },
});

describe("recordPendingTask", () => {
  it("keeps the token where the API action finds it, with the application's due time", async () => {
    const app = considering();
    const deps = setup(app, mondayTen);
    await expect(recordPendingTask(deps, input(app))).resolves.toEqual({ resumedWithStoredOutcome: false });
    expect(await deps.store.getPendingTask(app.id, "decision")).toEqual({
      applicationId: app.id,
      step: "decision",
      token: "new-token",
      stateName: "AwaitDecision",
      stateInput: { applicationId: app.id },
      createdAt: "2026-03-02T03:00:00.000Z",
      dueAt: decisionDueAt,
    });
    expect(deps.workflow.sent).toEqual([]);
  });

  it("leaves dueAt out when the application has none", async () => {
    const app = considering({ dueAt: undefined });
    const deps = setup(app, mondayTen);
    await recordPendingTask(deps, input(app));
    expect(await deps.store.getPendingTask(app.id, "decision")).not.toHaveProperty("dueAt");
  });

  it("answers its own token with an outcome stored for the same version, and writes no task", async () => {
    const app = considering({ status: "APPROVED" });
    const deps = setup(app, mondayTen);
    deps.store.putResume(resumeOf(app));
    await expect(recordPendingTask(deps, input(app))).resolves.toEqual({ resumedWithStoredOutcome: true });
    expect(deps.workflow.sent).toEqual([{ token: "new-token", output: { action: "approve" } }]);
    expect(deps.log).toEqual(["sendTaskSuccess new-token", `deleteResume ${app.id} decision`]);
    expect(deps.store.tasks.size).toBe(0);
  });

  it("ignores and deletes an outcome of an earlier version", async () => {
    const app = considering();
    const deps = setup(app, mondayTen);
    deps.store.putResume(resumeOf(app, { appVersion: app.version - 2 }));
    await expect(recordPendingTask(deps, input(app))).resolves.toEqual({ resumedWithStoredOutcome: false });
    expect(deps.workflow.sent).toEqual([]);
    expect(deps.log).toEqual([`deleteResume ${app.id} decision`, "putPendingTask decision"]);
    expect(deps.store.resumes.size).toBe(0);
  });

  it("APPLICATION_NOT_FOUND for an unknown application", async () => {
    const deps = setup(considering(), mondayTen);
    const error = await recordPendingTask(deps, { ...input(considering()), applicationId: "nope" }).catch(
      (e) => e,
    );
    expect(error).toMatchObject({ code: "APPLICATION_NOT_FOUND", status: 404 });
  });
});

describe("decisionWait", () => {
  it("is the seconds to the decision's due time", async () => {
    const app = considering();
    const deps = setup(app, new Date(Date.parse(decisionDueAt) - 2 * dayMs));
    await expect(decisionWait(deps, { applicationId: app.id })).resolves.toEqual({ timeoutSeconds: 172_800 });
  });
});

describe("escalateOverdue", () => {
  const late = new Date(Date.parse(decisionDueAt) + 3_600_000);
  const run = (deps: ReturnType<typeof setup>, app: Application) =>
    escalateOverdue(deps, { applicationId: app.id, step: "decision" });

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

  it("sends nothing (timeoutSeconds 1) once decided", async () => {
    const app = considering({ status: "APPROVED" });
    const deps = setup(app, late);
    await expect(run(deps, app)).resolves.toEqual({ timeoutSeconds: 1 });
    expect(deps.publisher.published).toEqual([]);
    expect(deps.store.applied).toEqual([]);
  });

  it("sends nothing (timeoutSeconds 1) when a decision's outcome is stored for the step", async () => {
    const app = considering();
    const deps = setup(app, late);
    deps.store.putResume(resumeOf(app));
    await expect(run(deps, app)).resolves.toEqual({ timeoutSeconds: 1 });
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

describe("sendNotice", () => {
  it("fixRequested: to the fixRequests topic, and waits until the fix deadline", async () => {
    const app = fixRequested();
    const deps = setup(app, new Date(Date.parse(fixDeadline) - 10_500));
    await expect(sendNotice(deps, { applicationId: app.id, kind: "fixRequested" })).resolves.toEqual({
      timeoutSeconds: 11,
    });
    expect(deps.publisher.published[0]).toMatchObject({
      topic: "fixRequests",
      notification: { kind: "fixRequested", data: { deadline: fixDeadline } },
    });
  });

  it("approved: to the approvals topic, and records once when the applicant was told", async () => {
    const app = applicationIn("APPROVED");
    const deps = setup(app, new Date("2026-03-03T03:00:00.000Z"));
    await expect(sendNotice(deps, { applicationId: app.id, kind: "approved" })).resolves.toEqual({});
    await sendNotice(deps, { applicationId: app.id, kind: "approved" });
    expect(deps.publisher.published.map((p) => p.topic)).toEqual(["approvals", "approvals"]);
    expect(deps.publisher.published[0]?.notification.data).toEqual({ feeTHB: 2500 });
    expect(deps.store.applied.map((a) => a.change.event.action)).toEqual(["decision-notice"]);
    expect((await deps.store.get(app.id))?.decisionNotifiedAt).toBe("2026-03-03T03:00:00.000Z");
  });
});

describe("returnApplication", () => {
  const afterDeadline = new Date(Date.parse(fixDeadline) + 1000);

  it("returns an application still awaiting its fix, and tells the applicant", async () => {
    const app = fixRequested();
    const deps = setup(app, afterDeadline);
    await expect(returnApplication(deps, { applicationId: app.id })).resolves.toEqual({ returned: true });
    expect(deps.store.applied[0]?.change).toMatchObject({ endsStep: "applicantFix" });
    expect((await deps.store.get(app.id))?.status).toBe("RETURNED");
    expect(deps.publisher.published).toHaveLength(1);
    expect(deps.publisher.published[0]).toMatchObject({
      topic: "fixRequests",
      notification: { kind: "returned", status: "RETURNED" },
    });
  });

  it("returns nothing once resubmitted, and deletes the stale applicantFix outcome", async () => {
    const app = { ...fixRequested(), status: "RESUBMITTED" as const };
    const deps = setup(app, afterDeadline);
    deps.store.putResume(resumeOf(app, { step: "applicantFix", output: { action: "resubmit" } }));
    await expect(returnApplication(deps, { applicationId: app.id })).resolves.toEqual({ returned: false });
    expect(deps.log).toEqual([`deleteResume ${app.id} applicantFix`]);
    expect(deps.store.resumes.size).toBe(0);
    expect(deps.publisher.published).toEqual([]);
  });
});
