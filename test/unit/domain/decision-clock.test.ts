import { describe, expect, it } from "vitest";
import {
  decisionOutstanding,
  decisionWaitSeconds,
  nextDecisionWakeUp,
  noReasonRecorded,
  recordDecisionNotified,
  recordOverdueNotice,
} from "../../../shared/domain/application/decision-clock";
import { type ApplicationStatus, applicationStatuses } from "../../../shared/domain/application/status";
import type { Application } from "../../../shared/domain/application/types";
import { applicationIn, mondayTen } from "./fixtures";

/** Confirmed complete Monday 2 March; the decision is due Wednesday 1 April 16:30 Bangkok. */
const decisionDueAt = "2026-04-01T09:30:00.000Z";
const due = new Date(decisionDueAt);
const dayMs = 86_400_000;
const yearSeconds = 365 * 86_400;

const considering = (overrides: Partial<Application> = {}): Application =>
  applicationIn("UNDER_REVIEW", {
    decision: undefined,
    clockStartedAt: mondayTen.toISOString(),
    decisionDueAt,
    dueAt: decisionDueAt,
    ...overrides,
  });

describe("decisionOutstanding", () => {
  const outstanding: ApplicationStatus[] = ["DOCS_COMPLETE", "INSPECTION_SCHEDULED", "UNDER_REVIEW"];
  it.each(applicationStatuses.map((status) => ({ status, expected: outstanding.includes(status) })))(
    "$status: $expected",
    ({ status, expected }) => {
      expect(decisionOutstanding(applicationIn(status))).toBe(expected);
    },
  );
});

describe("decisionWaitSeconds", () => {
  it("waits until the due time, rounded up to whole seconds", () => {
    expect(decisionWaitSeconds(considering(), new Date(due.getTime() - 1500))).toBe(2);
    expect(decisionWaitSeconds(considering(), new Date(due.getTime() - 3 * dayMs))).toBe(259_200);
    expect(decisionWaitSeconds(considering(), mondayTen)).toBe(
      Math.ceil((due.getTime() - mondayTen.getTime()) / 1000),
    );
  });

  it("waits 1 second (Step Functions' minimum) at and after the due time", () => {
    expect(decisionWaitSeconds(considering(), due)).toBe(1);
    expect(decisionWaitSeconds(considering(), new Date(due.getTime() + 5 * dayMs))).toBe(1);
  });

  it("once overdue, waits for the next notice rather than the (past) due time", () => {
    const app = considering({
      overdue: {
        since: decisionDueAt,
        noticeCount: 1,
        lastNoticeAt: decisionDueAt,
        nextNoticeAt: "2026-04-08T09:30:00.000Z",
      },
    });
    expect(nextDecisionWakeUp(app)?.toISOString()).toBe("2026-04-08T09:30:00.000Z");
    expect(decisionWaitSeconds(app, new Date("2026-04-02T09:30:00.000Z"))).toBe(6 * 86_400);
  });

  it("has no wake-up once the decision is no longer outstanding, nor without a due time", () => {
    const approved = considering({ status: "APPROVED" });
    expect(nextDecisionWakeUp(approved)).toBeUndefined();
    expect(decisionWaitSeconds(approved, mondayTen)).toBe(yearSeconds);
    const noDue = considering({ decisionDueAt: undefined });
    expect(nextDecisionWakeUp(noDue)).toBeUndefined();
    expect(decisionWaitSeconds(noDue, mondayTen)).toBe(yearSeconds);
  });
});

describe("recordOverdueNotice", () => {
  it("numbers the notices 1, 2, 3, each due 7 days after the last", () => {
    let app = considering();
    const at = [due, new Date(due.getTime() + 7 * dayMs), new Date(due.getTime() + 14 * dayMs + 60_000)];
    const notices = at.map((now) => {
      const { change, notice } = recordOverdueNotice(app, now);
      expect(change.expectedVersion).toBe(app.version);
      expect(change.application.version).toBe(app.version + 1);
      app = change.application;
      return notice;
    });
    expect(notices.map((n) => n.noticeNo)).toEqual([1, 2, 3]);
    expect(notices.map((n) => n.nextNoticeAt)).toEqual([
      "2026-04-08T09:30:00.000Z",
      "2026-04-15T09:30:00.000Z",
      "2026-04-22T09:31:00.000Z",
    ]);
    expect(notices.every((n) => n.decisionDueAt === decisionDueAt)).toBe(true);
    // Overdue since the due time, whenever the notices were sent.
    expect(app.overdue).toEqual({
      since: decisionDueAt,
      noticeCount: 3,
      lastNoticeAt: "2026-04-15T09:31:00.000Z",
      nextNoticeAt: "2026-04-22T09:31:00.000Z",
    });
    expect(app.status).toBe("UNDER_REVIEW");
  });

  it("quotes the officer's recorded reason in both languages", () => {
    const reason = "รอผลตรวจน้ำจากห้องปฏิบัติการ";
    const app = considering({
      delayReason: { reason, recordedAt: "2026-03-30T03:00:00.000Z", recordedBy: "officer-1" },
    });
    const { change, notice } = recordOverdueNotice(app, due);
    expect(notice.reasonTh).toBe(reason);
    expect(notice.reasonEn).toBe(reason);
    expect(change.event.comment).toBe(reason);
  });

  it("says that no reason was recorded (Thai and English) when the officer gave none", () => {
    const { change, notice } = recordOverdueNotice(considering(), due);
    expect(notice.reasonTh).toBe("เจ้าหน้าที่ยังไม่ได้บันทึกเหตุแห่งความล่าช้า");
    expect(notice.reasonEn).toBe("no reason recorded");
    expect(noReasonRecorded).toEqual({ th: notice.reasonTh, en: notice.reasonEn });
    expect(change.event.comment).toBe("เจ้าหน้าที่ยังไม่ได้บันทึกเหตุแห่งความล่าช้า");
  });

  it("records a system event copied to OPDC and the agency's supervisor", () => {
    const { change } = recordOverdueNotice(considering(), due);
    expect(change.event).toMatchObject({
      action: "overdue-notice",
      actor: { userId: "system", role: "system" },
      fromStatus: "UNDER_REVIEW",
      toStatus: "UNDER_REVIEW",
      at: decisionDueAt,
      dueAt: decisionDueAt,
    });
    expect(change.event.data).toEqual({
      noticeNo: 1,
      reasonTh: noReasonRecorded.th,
      reasonEn: noReasonRecorded.en,
      decisionDueAt,
      nextNoticeAt: "2026-04-08T09:30:00.000Z",
      copiedTo: ["opdc", "agency-supervisor"],
    });
  });
});

describe("recordDecisionNotified", () => {
  const decidedAt = "2026-03-20T03:00:00.000Z";
  const decided = (outcome: "approved" | "rejected") =>
    considering({
      status: outcome === "approved" ? "APPROVED" : "REJECTED",
      decision: { outcome, feeTHB: 2500, decidedAt, decidedBy: "officer-1" },
    });

  it("is within seven days up to exactly seven days after the decision", () => {
    const now = new Date(Date.parse(decidedAt) + 7 * dayMs);
    const change = recordDecisionNotified(decided("approved"), now);
    expect(change.application.decisionNotifiedAt).toBe("2026-03-27T03:00:00.000Z");
    expect(change.event).toMatchObject({
      action: "decision-notice",
      actor: { userId: "system", role: "system" },
      fromStatus: "APPROVED",
      toStatus: "APPROVED",
    });
    expect(change.event.data).toEqual({ outcome: "approved", decidedAt, withinSevenDays: true });
  });

  it("is late a moment after the seventh day", () => {
    const now = new Date(Date.parse(decidedAt) + 7 * dayMs + 1000);
    const change = recordDecisionNotified(decided("rejected"), now);
    expect(change.event.data).toEqual({ outcome: "rejected", decidedAt, withinSevenDays: false });
  });
});
