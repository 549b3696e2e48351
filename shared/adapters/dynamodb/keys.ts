import type { Application } from "../../domain/application/types";
import type { LicenseRecord } from "../../domain/license";
import type { StepOutcome, StepWait } from "../../domain/workflow/progress";
import { queueIndexAttributes } from "./queue-index";
import { queueIndex } from "./table-design";

/** Single-table keys (DESIGN.md §5). */
export const keys = {
  application: (id: string) => ({ PK: `APP#${id}`, SK: "META" }),
  event: (id: string, at: string, version: number) => ({
    PK: `APP#${id}`,
    SK: `EVT#${at}#${String(version).padStart(6, "0")}`,
  }),
  /** Where the application's workflow waits (one item, replaced at each step). */
  wait: (id: string) => ({ PK: `APP#${id}`, SK: "WAIT" }),
  /** The outcome of one round: rounds sort in order. */
  outcome: (id: string, round: number) => ({
    PK: `APP#${id}`,
    SK: `OUTCOME#${String(round).padStart(4, "0")}`,
  }),
  idempotency: (scope: string, key: string) => ({ PK: `IDEMP#${scope}#${key}`, SK: "META" }),
  document: (ownerId: string, sha256: string) => ({ PK: `USER#${ownerId}`, SK: `DOC#${sha256}` }),
  /** A pending upload: by digest, then by upload id (a ULID, so newest last). */
  upload: (ownerId: string, sha256: string, uploadId: string) => ({
    PK: `USER#${ownerId}`,
    SK: `UPLOAD#${sha256}#${uploadId}`,
  }),
  /** A notice in its recipient's inbox, by the notice's stable id: written once however often sent. */
  inboxEntry: (userId: string, noticeId: string) => ({ PK: `USER#${userId}`, SK: `NOTICE#${noticeId}` }),
  license: (number: string) => ({ PK: `LIC#${number}`, SK: "META" }),
  sequence: (scope: string) => ({ PK: `SEQ#${scope}`, SK: "META" }),
  officer: (agencyId: string, userId: string) => ({ PK: `AGENCY#${agencyId}`, SK: `OFFICER#${userId}` }),
  /** Claims a national ID within an agency, so two accounts cannot share one. */
  officerNationalId: (agencyId: string, nationalId: string) => ({
    PK: `AGENCY#${agencyId}`,
    SK: `NATID#${nationalId}`,
  }),
};

/**
 * Index attributes of an application: always in its applicant's list (GSI2); in the officer queue
 * (GSI3, with its queue row) only while an officer of the agency has something to do with it.
 */
export function indexAttributes(app: Application): Record<string, unknown> {
  return {
    GSI2PK: `USER#${app.applicantId}`,
    GSI2SK: `${app.createdAt}#${app.id}`,
    ...queueIndexAttributes(app),
  };
}

/** Strips the key attributes so a stored item reads back as the domain object. */
export function withoutKeys<T>(item: Record<string, unknown>): T {
  const {
    PK: _pk,
    SK: _sk,
    GSI1PK: _g1,
    GSI1SK: _g1s,
    GSI2PK: _g2,
    GSI2SK: _g2s,
    [queueIndex.partitionKey]: _g3,
    [queueIndex.sortKey]: _g3s,
    [queueIndex.row]: _row,
    entity: _e,
    ...rest
  } = item;
  return rest as T;
}

/** The expiry index: valid licenses whose renewal reminder for their current validity is still due. */
export const licenseExpiryPartition = "LICENSES#EXPIRY";

/** A license as stored: its key, and its place in the expiry index while a reminder is due. */
export function licenseItem(
  license: LicenseRecord & { renewalReminderFor?: string },
): Record<string, unknown> {
  const item: Record<string, unknown> = { ...keys.license(license.number), entity: "license", ...license };
  if (license.validUntil && !license.cancelledAt && license.renewalReminderFor !== license.validUntil) {
    item.GSI1PK = licenseExpiryPartition;
    item.GSI1SK = `${license.validUntil}#${license.number}`;
  }
  return item;
}

export function waitItem(wait: StepWait): Record<string, unknown> {
  return { ...keys.wait(wait.applicationId), entity: "wait", ...wait };
}

export function outcomeItem(outcome: StepOutcome): Record<string, unknown> {
  return { ...keys.outcome(outcome.applicationId, outcome.round), entity: "outcome", ...outcome };
}
