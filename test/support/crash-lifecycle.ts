import { findLicenseType } from "../../shared/catalog";
import { documentsRequiredToSubmit } from "../../shared/catalog/fact-condition";
import { type ApiClient, completeFoodForm, foodLicenseTypeId, samplePdf } from "./api-client";

/**
 * The food premises lifecycle with a fix round, as the points a crash test kills the stack after:
 * each point is one user action over HTTP, with what it must have led to once the stack is back
 * (the status it wrote, and the step the workflow waits at next or the end). Only the HTTP API is
 * used, so the table holds whatever the workflow core does inside.
 */
export interface Users {
  applicant: ApiClient;
  officer: ApiClient;
  operator: ApiClient;
}

export interface LifecyclePoint {
  /** The action, as the history records it. */
  action: string;
  run(u: Users, id: string): Promise<{ status: number; body: unknown }>;
  /** The status the action wrote. */
  status: string;
  /** The step the workflow must wait at next; undefined when the workflow has ended. */
  next?: string;
}

const officerAction = (body: Record<string, unknown>) => (u: Users, id: string) =>
  u.officer.post(`/officer/applications/${id}/actions`, body);

/** The local clock, not the wall clock: deadlines are checked against the stack's time. */
async function stackNow(u: Users): Promise<number> {
  const res = await u.operator.get<{ now: string }>("/local/clock");
  return Date.parse(res.body.now);
}
const days = (n: number) => n * 86_400_000;

export const lifecycle: LifecyclePoint[] = [
  {
    action: "submit",
    run: (u, id) => u.applicant.post(`/applications/${id}/submit`),
    status: "SUBMITTED",
    next: "completenessCheck",
  },
  {
    action: "request-fix",
    run: async (u, id) =>
      officerAction({
        action: "request-fix",
        items: [{ documentKey: "medicalCertificates", reason: "ใบรับรองแพทย์หมดอายุ / certificate expired" }],
        deadline: new Date((await stackNow(u)) + days(7)).toISOString(),
      })(u, id),
    status: "FIX_REQUESTED",
    next: "applicantFix",
  },
  {
    action: "resubmit",
    run: async (u, id) => {
      const replaced = await u.applicant.uploadDocument(
        id,
        "medicalCertificates",
        samplePdf(`${id}-renewed`),
      );
      if (replaced.status !== 200) return replaced;
      return u.applicant.post(`/applications/${id}/fixes`, { comment: "แนบใบรับรองแพทย์ฉบับใหม่แล้ว" });
    },
    status: "RESUBMITTED",
    next: "completenessCheck",
  },
  {
    action: "confirm-complete",
    run: officerAction({ action: "confirm-complete" }),
    status: "DOCS_COMPLETE",
    next: "inspection",
  },
  {
    action: "schedule-inspection",
    run: async (u, id) =>
      officerAction({
        action: "schedule-inspection",
        scheduledAt: new Date((await stackNow(u)) + days(3)).toISOString(),
        place: "หน้าร้าน",
      })(u, id),
    status: "INSPECTION_SCHEDULED",
    next: "inspection",
  },
  {
    action: "record-inspection",
    run: officerAction({ action: "record-inspection", result: "passed", findings: "ถูกต้อง" }),
    status: "UNDER_REVIEW",
    next: "decision",
  },
  {
    action: "approve",
    run: officerAction({ action: "approve", feeTHB: 3000 }),
    status: "APPROVED",
    next: "payment",
  },
  {
    action: "confirm-payment",
    run: (u, id) =>
      officerAction({
        action: "confirm-payment",
        channel: "counter",
        receiptNumber: `R-${id}`,
        amountTHB: 3000,
      })(u, id),
    status: "PAYMENT_CONFIRMED",
    next: "licenseIssue",
  },
  {
    action: "issue-license",
    run: officerAction({ action: "issue-license" }),
    status: "LICENSE_ISSUED",
    next: "pickup",
  },
  {
    action: "confirm-pickup",
    run: officerAction({ action: "confirm-pickup", collectedBy: "สมชาย ใจดี" }),
    status: "COLLECTED",
  },
];

export interface ApplicationView {
  status: string;
  waitingFor: { step: string }[];
}

/** Whether the application shows what `point` leads to: its status, and the next wait or none. */
export function reached(point: LifecyclePoint, app: ApplicationView): boolean {
  if (app.status !== point.status) return false;
  return point.next === undefined
    ? app.waitingFor.length === 0
    : app.waitingFor.some((w) => w.step === point.next);
}

/**
 * Polls until the application shows what `point` leads to, or `timeoutMs` passes; returns what it
 * last saw either way (the workflow records its next wait a moment after it resumes).
 */
export async function awaitProgress(
  officer: ApiClient,
  id: string,
  point: LifecyclePoint,
  timeoutMs: number,
): Promise<{ ok: boolean; seen: ApplicationView }> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await officer.get<ApplicationView>(`/applications/${id}`);
    const seen = { status: res.body.status, waitingFor: res.body.waitingFor ?? [] };
    if (reached(point, seen)) return { ok: true, seen };
    if (Date.now() > until) return { ok: false, seen };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const requiredDocuments = () =>
  documentsRequiredToSubmit(findLicenseType(foodLicenseTypeId)!, completeFoodForm);

/** The history of the whole lifecycle, each action once (the system's decision notice included). */
export const expectedHistory = (): string[] => [
  "create",
  ...requiredDocuments().map(() => "attach-document"),
  "submit",
  "request-fix",
  "attach-document",
  "resubmit",
  "confirm-complete",
  "schedule-inspection",
  "record-inspection",
  "approve",
  "decision-notice",
  "confirm-payment",
  "issue-license",
  "confirm-pickup",
];

/**
 * Runs the points before `index` without a crash, each once its step is reached: an application
 * where a crash test's lost one stood, so every point still gets its kills.
 */
export async function drivenTo(u: Users, index: number, seed: string): Promise<string> {
  const id = await preparedDraft(u, seed);
  await driveThrough(u, id, lifecycle.slice(0, index));
  return id;
}

/** Runs `points` in order without a crash, each after the one before has led where it must. */
export async function driveThrough(u: Users, id: string, points: LifecyclePoint[]): Promise<void> {
  for (const point of points) {
    const res = await point.run(u, id);
    if (res.status !== 200) throw new Error(`${point.action}: ${res.status} ${JSON.stringify(res.body)}`);
    const { ok, seen } = await awaitProgress(u.officer, id, point, 15_000);
    if (!ok) throw new Error(`${point.action} did not lead on without a crash: ${JSON.stringify(seen)}`);
  }
}

/** The actions an application's history records, in order. */
export async function historyOf(u: Users, id: string): Promise<string[]> {
  const history = await u.applicant.get<{ items: { action: string }[] }>(`/applications/${id}/history`);
  return history.body.items.map((e) => e.action);
}

/** A draft with every required document, ready to submit (the crash points start at the submit). */
export async function preparedDraft(u: Users, seed: string): Promise<string> {
  const created = await u.applicant.post("/applications", {
    licenseTypeId: foodLicenseTypeId,
    formData: completeFoodForm,
  });
  if (created.status !== 201) throw new Error(`create: ${JSON.stringify(created.body)}`);
  const id = String(created.body.id);
  for (const doc of requiredDocuments()) {
    const res = await u.applicant.uploadDocument(id, doc.key, samplePdf(`${seed}-${id}-${doc.key}`));
    if (res.status !== 200) throw new Error(`upload ${doc.key}: ${JSON.stringify(res.body)}`);
  }
  return id;
}
