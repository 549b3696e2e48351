import { caseLicenseNumber } from "../license-cases";
import type { ApplicationStatus } from "./status";
import type { Application } from "./types";

/**
 * One row of an officer's queue: what the list shows to pick the next application, and nothing
 * more. It is small on purpose: the store keeps a copy of it in the queue index, so a page of the
 * queue is read from the index alone (`GET /applications/{id}` gives the whole application).
 */
export interface QueueRow {
  id: string;
  licenseTypeId: string;
  caseType: Application["caseType"];
  status: ApplicationStatus;
  /** The establishment's (or applicant's) name from the form; null when the form has none (a closure). */
  businessName: string | null;
  /** The license a renewal, amendment or cancellation is about, as the form names it. */
  licenseNumber: string | null;
  submittedAt: string | null;
  /** Due time of whatever the application waits for now: the queue's order. */
  dueAt: string | null;
  /** s.10: when the decision is due, once documents are complete. */
  decisionDueAt: string | null;
  /** s.10: late since then (the applicant has been told why). */
  overdueSince: string | null;
}

/** Where a page ends: the last row's due time and id (the queue's order is total on these two). */
export type QueuePosition = Pick<QueueRow, "dueAt" | "id">;

export function queueRowOf(app: Application): QueueRow {
  const name = app.formData.businessName;
  return {
    id: app.id,
    licenseTypeId: app.licenseTypeId,
    caseType: app.caseType,
    status: app.status,
    businessName: typeof name === "string" ? name : null,
    licenseNumber: caseLicenseNumber(app) ?? null,
    submittedAt: app.submittedAt ?? null,
    dueAt: app.dueAt ?? null,
    decisionDueAt: app.decisionDueAt ?? null,
    overdueSince: app.overdue?.since ?? null,
  };
}

/**
 * The queue's order: the earliest due first; applications without a due time after every dated one;
 * ties by id (ULIDs, so the older application first). Due times are UTC ISO strings of one length
 * (the domain stores every instant that way), so comparing them as strings compares the instants.
 */
export function compareQueue(a: QueuePosition, b: QueuePosition): number {
  if (a.dueAt !== b.dueAt) {
    if (a.dueAt === null) return 1;
    if (b.dueAt === null) return -1;
    return a.dueAt < b.dueAt ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The first `limit` rows of several lists, each already in queue order and each holding at least
 * `limit + 1` rows unless it is exhausted: then `more` is exact, with no extra read for a last page.
 */
export function mergeQueue<R extends QueuePosition>(
  lists: readonly (readonly R[])[],
  limit: number,
): { rows: R[]; more: boolean } {
  const all = lists.flat().sort(compareQueue);
  return { rows: all.slice(0, limit), more: all.length > limit };
}
