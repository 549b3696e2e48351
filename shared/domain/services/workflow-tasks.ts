import type { PendingTask } from "../../ports/application-store";
import type { Notification, NotificationTopic } from "../../ports/event-publisher";
import {
  decisionOutstanding,
  decisionWaitSeconds,
  nextDecisionWakeUp,
  type OverdueNotice,
  recordDecisionNotified,
  recordOverdueNotice,
} from "../application/decision-clock";
import { returnForMissedFixDeadline } from "../application/lifecycle";
import type { HumanStep } from "../application/status";
import type { Application } from "../application/types";
import { DomainError, problems } from "../errors";
import type { Dependencies } from "./dependencies";
import { storedOutcomeFor } from "./workflow-resume";

type Deps<K extends keyof Dependencies> = Pick<Dependencies, K>;

/**
 * The state machine waits at a human step: keep its token where the API action will find it. If an
 * action already decided this step while an earlier wait of it timed out, continue with that outcome.
 */
export async function recordPendingTask(
  deps: Deps<"store" | "clock" | "workflow">,
  input: {
    applicationId: string;
    step: HumanStep;
    stateName: string;
    taskToken: string;
    stateInput: unknown;
  },
): Promise<{ resumedWithStoredOutcome: boolean }> {
  const app = await deps.store.get(input.applicationId);
  if (!app) throw problems.applicationNotFound();
  const stored = await storedOutcomeFor(deps.store, app, input.step);
  if (stored) {
    await deps.workflow.sendTaskSuccess(input.taskToken, stored.output);
    await deps.store.deleteResume(app.id, input.step);
    return { resumedWithStoredOutcome: true };
  }
  const task: PendingTask = {
    applicationId: input.applicationId,
    step: input.step,
    token: input.taskToken,
    stateName: input.stateName,
    stateInput: input.stateInput,
    createdAt: deps.clock.now().toISOString(),
  };
  if (app.dueAt) task.dueAt = app.dueAt;
  await deps.store.putPendingTask(task);
  return { resumedWithStoredOutcome: false };
}

/** How long the consideration steps may wait before the next s.10 event (due time or notice). */
export async function decisionWait(
  deps: Deps<"store" | "clock">,
  input: { applicationId: string },
): Promise<{ timeoutSeconds: number }> {
  const app = await deps.store.get(input.applicationId);
  if (!app) throw problems.applicationNotFound();
  return { timeoutSeconds: decisionWaitSeconds(app, deps.clock.now()) };
}

/**
 * s.10: the decision is overdue. Tell the applicant why (the officer's recorded reason, or that none
 * was recorded), copy OPDC and the agency's supervisor, record it in the history, and wait 7 days more.
 * If the decision was made while the wait was timing out, send nothing: the next wait takes it.
 */
export async function escalateOverdue(
  deps: Deps<"store" | "publisher" | "clock">,
  input: { applicationId: string; step: HumanStep },
): Promise<{ timeoutSeconds: number; noticeNo?: number }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const app = await deps.store.get(input.applicationId);
    if (!app) throw problems.applicationNotFound();
    const now = deps.clock.now();
    if (!decisionOutstanding(app) || (await deps.store.getResume(app.id, input.step)))
      return { timeoutSeconds: 1 };
    const wakeUp = nextDecisionWakeUp(app);
    // Woken early (e.g. resumed after a restart): wait out the rest instead of sending early.
    if (wakeUp && wakeUp.getTime() > now.getTime()) return { timeoutSeconds: decisionWaitSeconds(app, now) };
    const { change, notice } = recordOverdueNotice(app, now);
    try {
      await deps.store.apply(change);
    } catch (error) {
      if (error instanceof DomainError && error.code === "CONCURRENT_MODIFICATION") continue;
      throw error;
    }
    await deps.publisher.publish("overdueEscalations", overdueNotification(change.application, notice, now));
    return { timeoutSeconds: decisionWaitSeconds(change.application, now), noticeNo: notice.noticeNo };
  }
  throw problems.concurrentModification();
}

export type NoticeKind =
  | "fixRequested"
  | "approved"
  | "rejected"
  | "licenseIssued"
  | "returned"
  | "assessmentIssued";

const noticeTopic: Record<NoticeKind, NotificationTopic> = {
  fixRequested: "fixRequests",
  returned: "fixRequests",
  // Decision outcomes share the approvals topic: subscribers filter on the `kind` attribute.
  approved: "approvals",
  rejected: "approvals",
  licenseIssued: "approvals",
  assessmentIssued: "approvals",
};

/** Tells the applicant (and subscribed agency systems) what happened; returns the fix wait if any. */
export async function sendNotice(
  deps: Deps<"store" | "publisher" | "clock">,
  input: { applicationId: string; kind: NoticeKind },
): Promise<{ timeoutSeconds?: number }> {
  const app = await deps.store.get(input.applicationId);
  if (!app) throw problems.applicationNotFound();
  const now = deps.clock.now();
  await deps.publisher.publish(noticeTopic[input.kind], notice(app, input.kind, now));
  if (input.kind === "approved" || input.kind === "rejected") await recordDecisionNotice(deps, app.id, now);
  if (input.kind !== "fixRequested" || !app.fixRequest) return {};
  const seconds = Math.ceil((Date.parse(app.fixRequest.deadline) - now.getTime()) / 1000);
  return { timeoutSeconds: Math.max(1, seconds) };
}

/** s.10: record when the applicant was told of the decision (the version race is retried). */
async function recordDecisionNotice(deps: Deps<"store">, id: string, now: Date): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const app = await deps.store.get(id);
    if (!app || app.decisionNotifiedAt) return;
    try {
      await deps.store.apply(recordDecisionNotified(app, now));
      return;
    } catch (error) {
      if (!(error instanceof DomainError && error.code === "CONCURRENT_MODIFICATION")) throw error;
    }
  }
}

/**
 * s.8: the fix deadline passed; return the application and tell the applicant why. If the fix
 * arrived as the wait timed out, the application goes back to the check instead.
 */
export async function returnApplication(
  deps: Deps<"store" | "publisher" | "clock">,
  input: { applicationId: string },
): Promise<{ returned: boolean }> {
  const app = await deps.store.get(input.applicationId);
  if (!app) throw problems.applicationNotFound();
  if (app.status !== "FIX_REQUESTED") {
    await deps.store.deleteResume(app.id, "applicantFix");
    return { returned: false };
  }
  const change = returnForMissedFixDeadline(app, deps.clock.now());
  await deps.store.apply(change);
  await deps.publisher.publish("fixRequests", notice(change.application, "returned", deps.clock.now()));
  return { returned: true };
}

function notice(app: Application, kind: NoticeKind, now: Date): Notification {
  const text = messages[kind](app);
  const n: Notification = {
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
  return n;
}

const messages: Record<NoticeKind, (app: Application) => { th: string; en: string }> = {
  fixRequested: (a) => ({
    th: `คำขอ ${a.id} ต้องแก้ไขหรือส่งเอกสารเพิ่มเติมภายใน ${a.fixRequest?.deadline}`,
    en: `Application ${a.id} needs fixes by ${a.fixRequest?.deadline}`,
  }),
  returned: (a) => ({
    th: `คืนคำขอ ${a.id} เนื่องจากไม่ได้แก้ไขเอกสารภายในกำหนด ท่านมีสิทธิอุทธรณ์ตาม พ.ร.บ. วิธีปฏิบัติราชการทางปกครอง พ.ศ. 2539`,
    en: `Application ${a.id} is returned: the fixes were not made by the deadline. You may appeal under the Administrative Procedure Act B.E. 2539`,
  }),
  approved: (a) => ({
    th: `คำขอ ${a.id} ได้รับอนุมัติ กรุณาชำระค่าธรรมเนียม ${a.decision?.feeTHB ?? 0} บาท`,
    en: `Application ${a.id} is approved; please pay the fee of ${a.decision?.feeTHB ?? 0} THB`,
  }),
  rejected: (a) => ({
    th: `คำขอ ${a.id} ไม่ได้รับอนุญาต เหตุผล: ${(a.decision?.reasons ?? []).join("; ")} ท่านมีสิทธิอุทธรณ์`,
    en: `Application ${a.id} is rejected. Reasons: ${(a.decision?.reasons ?? []).join("; ")}. You may appeal`,
  }),
  assessmentIssued: (a) => ({
    th: `แจ้งการประเมินเลขที่ ${a.assessment?.assessmentNumber} จำนวนเงิน ${a.assessment?.amountTHB ?? 0} บาท กรุณาชำระผ่านช่องทาง Bill Payment`,
    en: `Assessment ${a.assessment?.assessmentNumber}: please pay ${a.assessment?.amountTHB ?? 0} THB by bill payment`,
  }),
  licenseIssued: (a) => ({
    th: `ใบอนุญาตเลขที่ ${a.licenseNumber} ออกแล้ว กรุณามารับใบอนุญาต`,
    en: `License ${a.licenseNumber} is issued and ready for collection`,
  }),
};

function overdueNotification(app: Application, notice: OverdueNotice, now: Date): Notification {
  return {
    kind: "decisionOverdue",
    applicationId: app.id,
    licenseTypeId: app.licenseTypeId,
    agencyId: app.agencyId,
    applicantId: app.applicantId,
    status: app.status,
    at: now.toISOString(),
    messageTh: `คำขอ ${app.id} ยังพิจารณาไม่แล้วเสร็จภายในกำหนด (${notice.decisionDueAt}) เหตุแห่งความล่าช้า: ${notice.reasonTh} (แจ้งครั้งที่ ${notice.noticeNo} สำเนาแจ้งสำนักงาน ก.พ.ร.)`,
    messageEn: `Application ${app.id} was not decided by ${notice.decisionDueAt}. Reason for the delay: ${notice.reasonEn} (notice ${notice.noticeNo}, copy to OPDC)`,
    // Who receives it: the applicant, with copies to OPDC and the agency's supervisor (s.10).
    recipients: [
      { role: "applicant", id: app.applicantId },
      { role: "opdc", copy: true },
      { role: "agency-supervisor", agencyId: app.agencyId, copy: true },
    ],
    data: { ...notice },
  };
}
