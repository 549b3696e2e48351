import type { Actor } from "../actor";
import { change } from "./lifecycle";
import type { ApplicationStatus } from "./status";
import type { Application, ApplicationChange } from "./types";

/**
 * s.10 of the Licensing Facilitation Act: the decision is due within the manual's time from
 * "documents complete". Past it, the applicant is told of the delay and its reason every 7 days until
 * the decision, with a copy to OPDC (004: «ทุก 7 วัน จนกว่าจะพิจารณาแล้วเสร็จ พร้อมสำเนาแจ้งสำนัก ก.พ.ร.»).
 */
export const overdueNoticeIntervalDays = 7;
const dayMs = 86_400_000;

/** Statuses in which the decision is still outstanding, so the s.10 clock runs. */
export const awaitingDecisionStatuses: readonly ApplicationStatus[] = [
  "DOCS_COMPLETE",
  "INSPECTION_SCHEDULED",
  "UNDER_REVIEW",
];

export function decisionOutstanding(app: Application): boolean {
  return awaitingDecisionStatuses.includes(app.status);
}

/** When the workflow must next wake up for this application: the due time, or the next notice. */
export function nextDecisionWakeUp(app: Application): Date | undefined {
  if (!decisionOutstanding(app)) return undefined;
  const at = app.overdue?.nextNoticeAt ?? app.decisionDueAt;
  return at ? new Date(at) : undefined;
}

/** The wait's timeout in whole seconds (Step Functions wants an integer ≥ 1). */
export function decisionWaitSeconds(app: Application, now: Date): number {
  const wakeUp = nextDecisionWakeUp(app);
  // Without a due time (never expected once complete) the wait is bounded only by the execution.
  if (!wakeUp) return 365 * 86_400;
  return Math.max(1, Math.ceil((wakeUp.getTime() - now.getTime()) / 1000));
}

export const noReasonRecorded = {
  th: "เจ้าหน้าที่ยังไม่ได้บันทึกเหตุแห่งความล่าช้า",
  en: "no reason recorded",
};

export interface OverdueNotice {
  noticeNo: number;
  reasonTh: string;
  reasonEn: string;
  decisionDueAt: string;
  nextNoticeAt: string;
}

/** Records one overdue notice as a history event; the next one is due 7 days later. */
export function recordOverdueNotice(
  app: Application,
  now: Date,
): { change: ApplicationChange; notice: OverdueNotice } {
  const at = now.toISOString();
  const nextNoticeAt = new Date(now.getTime() + overdueNoticeIntervalDays * dayMs).toISOString();
  const noticeNo = (app.overdue?.noticeCount ?? 0) + 1;
  const reason = app.delayReason?.reason;
  const notice: OverdueNotice = {
    noticeNo,
    reasonTh: reason ?? noReasonRecorded.th,
    reasonEn: reason ?? noReasonRecorded.en,
    decisionDueAt: app.decisionDueAt ?? at,
    nextNoticeAt,
  };
  const system: Actor = { userId: "system", roles: [] };
  return {
    notice,
    change: change(
      app,
      {
        overdue: {
          since: app.overdue?.since ?? app.decisionDueAt ?? at,
          noticeCount: noticeNo,
          lastNoticeAt: at,
          nextNoticeAt,
        },
      },
      system,
      "system",
      "overdue-notice",
      now,
      { comment: notice.reasonTh, data: { ...notice, copiedTo: ["opdc", "agency-supervisor"] } },
    ),
  };
}

/** s.10: the applicant is told of the decision within 7 days of it; the history records when. */
export function recordDecisionNotified(app: Application, now: Date): ApplicationChange {
  const decidedAt = app.decision?.decidedAt;
  const days = decidedAt ? (now.getTime() - Date.parse(decidedAt)) / dayMs : 0;
  return change(
    app,
    { decisionNotifiedAt: now.toISOString() },
    { userId: "system", roles: [] },
    "system",
    "decision-notice",
    now,
    {
      data: { outcome: app.decision?.outcome, decidedAt, withinSevenDays: days <= 7 },
    },
  );
}
