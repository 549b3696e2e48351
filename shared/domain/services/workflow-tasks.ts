import type { PendingTask } from "../../ports/application-store";
import type { Notification, NotificationTopic } from "../../ports/event-publisher";
import { returnForMissedFixDeadline } from "../application/lifecycle";
import type { HumanStep } from "../application/status";
import type { Application } from "../application/types";
import { problems } from "../errors";
import type { Dependencies } from "./dependencies";

type Deps<K extends keyof Dependencies> = Pick<Dependencies, K>;

/** The state machine waits at a human step: keep its token where the API action will find it. */
export async function recordPendingTask(
  deps: Deps<"store" | "clock">,
  input: {
    applicationId: string;
    step: HumanStep;
    stateName: string;
    taskToken: string;
    stateInput: unknown;
  },
): Promise<void> {
  const app = await deps.store.get(input.applicationId);
  if (!app) throw problems.applicationNotFound();
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
}

export type NoticeKind = "fixRequested" | "approved" | "rejected" | "licenseIssued" | "returned";

const noticeTopic: Record<NoticeKind, NotificationTopic> = {
  fixRequested: "fixRequests",
  returned: "fixRequests",
  // Decision outcomes share the approvals topic: subscribers filter on the `kind` attribute.
  approved: "approvals",
  rejected: "approvals",
  licenseIssued: "approvals",
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
  if (input.kind !== "fixRequested" || !app.fixRequest) return {};
  const seconds = Math.ceil((Date.parse(app.fixRequest.deadline) - now.getTime()) / 1000);
  return { timeoutSeconds: Math.max(1, seconds) };
}

/** s.8: the fix deadline passed; return the application and tell the applicant why. */
export async function returnApplication(
  deps: Deps<"store" | "publisher" | "clock">,
  input: { applicationId: string },
): Promise<{ returned: boolean }> {
  const app = await deps.store.get(input.applicationId);
  if (!app) throw problems.applicationNotFound();
  if (app.status !== "FIX_REQUESTED") return { returned: false };
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
  licenseIssued: (a) => ({
    th: `ใบอนุญาตเลขที่ ${a.licenseNumber} ออกแล้ว กรุณามารับใบอนุญาต`,
    en: `License ${a.licenseNumber} is issued and ready for collection`,
  }),
};
