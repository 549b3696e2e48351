import type { OverdueNotice } from "../application/decision-clock";
import type { Application } from "../application/types";
import type { Notification, NotificationTopic } from "../notification";
import { amount, isoDateTime, thaiDateTime } from "../texts/reader-format";
import type { StepAction } from "./step-graph";

/** The applicant's notices: what each says (Thai and English) and the topic it goes out on. */
export type NoticeKind =
  | "fixRequested"
  | "approved"
  | "rejected"
  | "licenseIssued"
  | "returned"
  | "assessmentIssued"
  | "completenessConfirmed";

/** Undefined: told in the applicant's inbox only; no agency system subscribes to it (yet). */
const noticeTopic: Record<NoticeKind, NotificationTopic | undefined> = {
  fixRequested: "fixRequests",
  returned: "fixRequests",
  // Decision outcomes share the approvals topic: subscribers filter on the `kind` attribute.
  approved: "approvals",
  rejected: "approvals",
  licenseIssued: "approvals",
  assessmentIssued: "approvals",
  completenessConfirmed: undefined,
};

/** The notice a step's outcome sends, if any: the applicant is told of every decision. */
const noticeOfAction: Partial<Record<StepAction, NoticeKind>> = {
  // s.8: the legal clock starts; the applicant learns by when the decision is due.
  "confirm-complete": "completenessConfirmed",
  "request-fix": "fixRequested",
  approve: "approved",
  reject: "rejected",
  "issue-assessment": "assessmentIssued",
  "issue-license": "licenseIssued",
};

export function noticeForAction(
  action: StepAction,
  app: Application,
  round: number,
  now: Date,
): { topic?: NotificationTopic; notification: Notification } | undefined {
  const kind = noticeOfAction[action];
  if (!kind) return undefined;
  const notification = notice(app, kind, `${app.id}:${round}:${kind}`, now);
  const topic = noticeTopic[kind];
  return topic ? { topic, notification } : { notification };
}

/** s.8: the return, sent by the workflow when the fix deadline passed (once per application). */
export function returnNotice(
  app: Application,
  now: Date,
): { topic: NotificationTopic; notification: Notification } {
  return { topic: "fixRequests", notification: notice(app, "returned", `${app.id}:returned`, now) };
}

function notice(app: Application, kind: NoticeKind, id: string, now: Date): Notification {
  const text = messages[kind](app);
  const n: Notification = {
    id,
    kind,
    applicationId: app.id,
    licenseTypeId: app.licenseTypeId,
    agencyId: app.agencyId,
    applicantId: app.applicantId,
    status: app.status,
    at: now.toISOString(),
    messageTh: text.th,
    messageEn: text.en,
  };
  if (kind === "fixRequested" && app.fixRequest)
    n.data = { items: app.fixRequest.items, deadline: app.fixRequest.deadline };
  if (kind === "approved") n.data = { feeTHB: app.decision?.feeTHB };
  if (kind === "rejected") n.data = { reasons: app.decision?.reasons };
  if (kind === "licenseIssued") n.data = { licenseNumber: app.licenseNumber };
  if (kind === "assessmentIssued") n.data = { ...app.assessment };
  if (kind === "completenessConfirmed") n.data = { decisionDueAt: app.decisionDueAt };
  return n;
}

const messages: Record<NoticeKind, (app: Application) => { th: string; en: string }> = {
  fixRequested: (a) => ({
    th: `คำขอ ${a.id} ต้องแก้ไขหรือส่งเอกสารเพิ่มเติมภายใน ${when(a.fixRequest?.deadline, thaiDateTime)}`,
    en: `Application ${a.id} needs fixes by ${when(a.fixRequest?.deadline, isoDateTime)}`,
  }),
  returned: (a) => ({
    th: `คืนคำขอ ${a.id} เนื่องจากไม่ได้แก้ไขเอกสารภายในกำหนด ท่านมีสิทธิอุทธรณ์ตาม พ.ร.บ. วิธีปฏิบัติราชการทางปกครอง พ.ศ. 2539`,
    en: `Application ${a.id} is returned: the fixes were not made by the deadline. You may appeal under the Administrative Procedure Act B.E. 2539`,
  }),
  approved: (a) => ({
    th: `คำขอ ${a.id} ได้รับอนุมัติ กรุณาชำระค่าธรรมเนียม ${amount(a.decision?.feeTHB ?? 0)} บาท`,
    en: `Application ${a.id} is approved; please pay the fee of ${amount(a.decision?.feeTHB ?? 0)} THB`,
  }),
  rejected: (a) => ({
    th: `คำขอ ${a.id} ไม่ได้รับอนุญาต เหตุผล: ${(a.decision?.reasons ?? []).join("; ")} ท่านมีสิทธิอุทธรณ์`,
    en: `Application ${a.id} is rejected. Reasons: ${(a.decision?.reasons ?? []).join("; ")}. You may appeal`,
  }),
  assessmentIssued: (a) => ({
    th: `แจ้งการประเมินเลขที่ ${a.assessment?.assessmentNumber} จำนวนเงิน ${amount(a.assessment?.amountTHB ?? 0)} บาท กรุณาชำระผ่านช่องทาง Bill Payment`,
    en: `Assessment ${a.assessment?.assessmentNumber}: please pay ${amount(a.assessment?.amountTHB ?? 0)} THB by bill payment`,
  }),
  completenessConfirmed: (a) => ({
    th: `คำขอ ${a.id} มีเอกสารครบถ้วนแล้ว เจ้าหน้าที่จะพิจารณาให้แล้วเสร็จภายใน ${when(a.decisionDueAt, thaiDateTime)}`,
    en: `Application ${a.id} is complete; the decision is due by ${when(a.decisionDueAt, isoDateTime)}`,
  }),
  licenseIssued: (a) => ({
    th: `ใบอนุญาตเลขที่ ${a.licenseNumber} ออกแล้ว กรุณามารับใบอนุญาต`,
    en: `License ${a.licenseNumber} is issued and ready for collection`,
  }),
};

/** s.10: the decision is late; the applicant is told why, with copies to OPDC and the supervisor. */
export function overdueNotification(app: Application, notice: OverdueNotice, now: Date): Notification {
  return {
    id: `${app.id}:overdue:${notice.noticeNo}`,
    kind: "decisionOverdue",
    applicationId: app.id,
    licenseTypeId: app.licenseTypeId,
    agencyId: app.agencyId,
    applicantId: app.applicantId,
    status: app.status,
    at: now.toISOString(),
    messageTh: `คำขอ ${app.id} ยังพิจารณาไม่แล้วเสร็จภายในกำหนด (${thaiDateTime(notice.decisionDueAt)}) เหตุแห่งความล่าช้า: ${notice.reasonTh} (แจ้งครั้งที่ ${notice.noticeNo} สำเนาแจ้งสำนักงาน ก.พ.ร.)`,
    messageEn: `Application ${app.id} was not decided by ${isoDateTime(notice.decisionDueAt)}. Reason for the delay: ${notice.reasonEn} (notice ${notice.noticeNo}, copy to OPDC)`,
    recipients: [
      { role: "applicant", id: app.applicantId },
      { role: "opdc", copy: true },
      { role: "agency-supervisor", agencyId: app.agencyId, copy: true },
    ],
    data: { ...notice },
  };
}

/**
 * The site inspection is scheduled (or moved): when and where. Its id names the date, so a move is a
 * new notice and the same schedule sent twice is one. Told in the applicant's inbox only.
 */
export function inspectionScheduledNotice(app: Application, now: Date): Notification {
  const at = app.inspection?.scheduledAt;
  const place = app.inspection?.place ?? "—";
  return {
    id: `${app.id}:inspection:${at}`,
    kind: "inspectionScheduled",
    applicationId: app.id,
    licenseTypeId: app.licenseTypeId,
    agencyId: app.agencyId,
    applicantId: app.applicantId,
    status: app.status,
    at: now.toISOString(),
    messageTh: `เจ้าหน้าที่นัดตรวจสถานที่ของคำขอ ${app.id} วันที่ ${when(at, thaiDateTime)} ณ ${place}`,
    messageEn: `The site inspection for application ${app.id} is scheduled for ${when(at, isoDateTime)} at ${place}`,
    data: { scheduledAt: at, place: app.inspection?.place },
  };
}

/** A date in a notice, as its language writes it; "—" where the application has none. */
function when(instant: string | undefined, format: (at: string) => string): string {
  return instant ? format(instant) : "—";
}
