import type { LicenseType } from "../../catalog/schema";
import { type SequenceAdvance, SequenceMoved } from "../../ports/license-register";
import { assertAgencyOfficer, assertRole } from "../access-policy";
import type { Actor } from "../actor";
import type { OfficerAction } from "../application/officer-action-types";
import { applyOfficerAction, assertOfficerActionAllowed } from "../application/officer-actions";
import type { QueueRow } from "../application/queue";
import { decodeQueueCursor, encodeQueueCursor } from "../application/queue-cursor";
import { type ApplicationStatus, officerQueueStatuses } from "../application/status";
import type { Application } from "../application/types";
import { problems } from "../errors";
import type { LicenseRecord } from "../license";
import {
  addMonths,
  amendedLicense,
  assertCaseLicense,
  cancelledLicense,
  caseLicenseNumber,
  renewedLicense,
} from "../license-cases";
import { formatLicenseNumber, licenseSequenceScope } from "../license-number";
import type { Notification } from "../notification";
import type { Dependencies } from "./dependencies";
import { idempotencyContext, idempotent } from "./idempotency";
import { licenseTypeOf } from "./license-type-of";
import { sendNotice } from "./notices";
import { assertAssignedOfficer, assignedLicenseTypeIds } from "./officer-access";
import { settleCommitted, settleLostRace } from "./step-change";
import { inTurn } from "./turns";

type Deps<K extends keyof Dependencies> = Pick<Dependencies, K>;

export interface OfficerQueuePage {
  items: QueueRow[];
  /** Opaque; null on the last page. */
  nextCursor: string | null;
}

/**
 * The officer's queue, a page at a time: only the license types assigned to them (ADR 0006),
 * filtered before the limit, earliest due first (ADR 0009).
 */
export async function officerQueue(
  deps: Deps<"queue" | "officers">,
  actor: Actor,
  query: { status?: ApplicationStatus | undefined; limit: number; cursor?: string | undefined },
): Promise<OfficerQueuePage> {
  assertRole(actor, "officer");
  if (!actor.agencyId)
    throw problems.forbidden({
      en: "The officer account is not bound to an agency",
      th: "บัญชีเจ้าหน้าที่นี้ยังไม่ได้ผูกกับหน่วยงาน",
    });
  const filter = { status: query.status };
  // Checked before anything is read, so a bad cursor is a 400 whatever the officer's assignments.
  const after = query.cursor === undefined ? undefined : decodeQueueCursor(query.cursor, filter);
  const assigned = await assignedLicenseTypeIds(deps, actor);
  if (assigned.length === 0) return { items: [], nextCursor: null };
  const page = await deps.queue.queuePage({
    agencyId: actor.agencyId,
    licenseTypeIds: assigned,
    statuses: query.status ? [query.status] : officerQueueStatuses,
    after,
    limit: query.limit,
  });
  const last = page.rows.at(-1);
  return { items: page.rows, nextCursor: page.more && last ? encodeQueueCursor(last, filter) : null };
}

/**
 * An officer's action: checked by the domain against the step the application waits at, written with
 * its event and the step's outcome in one transaction, and answered at once; the workflow takes the
 * outcome when it reaches the step (it never waits for it, nor the officer for the workflow).
 * Issuing takes the next license number in that same transaction, so a number is used only by the
 * action that wins: when another issue took it meanwhile, the number is read again and the action retried.
 */
export async function performOfficerAction(
  deps: Deps<
    | "store"
    | "idempotency"
    | "licenses"
    | "workflow"
    | "progress"
    | "publisher"
    | "notifier"
    | "clock"
    | "deadlines"
    | "officers"
    | "catalog"
  >,
  actor: Actor,
  id: string,
  action: OfficerAction,
  idempotencyKey?: string,
): Promise<Application> {
  return idempotent(
    deps.idempotency,
    idempotencyContext(actor, idempotencyKey, { id, action }),
    async (record) => {
      const app = await deps.store.get(id);
      assertAgencyOfficer(actor, app);
      await assertAssignedOfficer(deps, actor, app);
      return settleLostRace(deps, actor, action.action, app, async () => {
        const licenseType = licenseTypeOf(deps, app);
        assertOfficerActionAllowed(app, action.action, licenseType);
        // Issues of one sequence take turns within a process (they would only collide); across
        // processes the sequence's condition decides and the loser retries.
        const decided = await inTurn(issuingTurnKey(app, licenseType, action.action), async () => {
          for (let attempt = 1; ; attempt++) {
            const now = deps.clock.now();
            const effect = await licenseEffect(deps, app, licenseType, action.action, now);
            const change = applyOfficerAction(app, action, {
              licenseType,
              officer: actor,
              now,
              deadlines: deps.deadlines,
              ...(effect.number ? { licenseNumber: effect.number } : {}),
            });
            const extras = {
              license: effect.license,
              sequence: effect.sequence,
              licenseUpdate: effect.licenseUpdate,
              idempotency: record?.(change.application),
            };
            try {
              await deps.store.apply(
                change,
                change.outcome ? { ...extras, outcome: change.outcome } : extras,
              );
              return change;
            } catch (error) {
              if (!(error instanceof SequenceMoved) || attempt >= maxNumberAttempts) throw error;
              await new Promise((resolve) => setTimeout(resolve, numberRetryDelayMs(attempt)));
            }
          }
        });
        await settleCommitted(deps, decided.outcome);
        if (decided.notice) await tellAfterCommit(deps, decided.notice);
        return decided.application;
      });
    },
  );
}

/** Issuing a new license draws from its type's number sequence; nothing else needs a turn. */
function issuingTurnKey(
  app: Application,
  licenseType: LicenseType,
  action: OfficerAction["action"],
): string | undefined {
  return action === "issue-license" && licenseType.caseType === "new"
    ? `${app.agencyId}:${licenseType.id}`
    : undefined;
}

/** Issues racing for numbers of one sequence: each retry follows a winner. */
const maxNumberAttempts = 25;

/**
 * Exponential backoff with full jitter (10 ms doubling, at most 1 s): n issues that collide spread
 * out instead of all trying again together, so the sequence is not fought over n times per number.
 * With a linear 5–25 ms × attempt, fifty issues of one sequence at once took 8 s at the median and
 * a quarter of them ran into the 10 s function timeout on the local stack.
 */
export function numberRetryDelayMs(attempt: number, random: () => number = Math.random): number {
  return random() * Math.min(1_000, 10 * 2 ** attempt);
}

/**
 * What an action does to the license register: issuing a new license allocates a number; issuing a
 * renewal or amendment updates the license the form names; approving a cancellation cancels it.
 */
async function licenseEffect(
  deps: Deps<"licenses" | "catalog">,
  app: Application,
  licenseType: LicenseType,
  action: OfficerAction["action"],
  now: Date,
): Promise<{
  number?: string;
  license?: LicenseRecord;
  sequence?: SequenceAdvance;
  licenseUpdate?: LicenseRecord;
}> {
  const issuing = action === "issue-license";
  const cancelling = action === "approve" && licenseType.caseType === "cancel";
  if (!issuing && !cancelling) return {};
  if (licenseType.caseType === "new") {
    const { license, sequence } = await nextLicense(deps, app, licenseType, now);
    return { number: license.number, license, sequence };
  }
  const number = caseLicenseNumber(app);
  const existing = number ? await deps.licenses.getLicense(number) : undefined;
  assertCaseLicense(licenseType, app, existing, now);
  const current = existing!;
  const licenseUpdate =
    licenseType.caseType === "renew"
      ? renewedLicense(current, app, licenseType.validityMonths, now)
      : licenseType.caseType === "amend"
        ? amendedLicense(current, app, now)
        : cancelledLicense(current, now);
  return { number: current.number, licenseUpdate };
}

/** The license the next number of its sequence would make; taken only when the issue commits. */
async function nextLicense(
  deps: Deps<"licenses" | "catalog">,
  app: Application,
  licenseType: LicenseType,
  now: Date,
): Promise<{ license: LicenseRecord; sequence: SequenceAdvance }> {
  const agency = deps.catalog.agency(app.agencyId);
  if (!agency) throw new Error(`Unknown agency ${app.agencyId}`);
  const scope = licenseSequenceScope(agency.code, licenseType.code, now);
  const seq = (await deps.licenses.currentSequence(scope)) + 1;
  const license: LicenseRecord = {
    number: formatLicenseNumber(agency.code, licenseType.code, now, seq),
    applicationId: app.id,
    licenseTypeId: app.licenseTypeId,
    agencyId: app.agencyId,
    holderId: app.applicantId,
    businessName: String(app.formData.businessName ?? ""),
    issuedAt: now.toISOString(),
    validUntil: licenseType.validityMonths ? addMonths(now, licenseType.validityMonths).toISOString() : null,
  };
  return { license, sequence: { scope, value: seq } };
}

/** Committed is decided: an annotation's notice that cannot be delivered now does not undo it. */
async function tellAfterCommit(deps: Deps<"publisher" | "notifier">, notice: Notification): Promise<void> {
  try {
    await sendNotice(deps, undefined, notice);
  } catch {
    // Best effort by design (OfficerActionOutcome.notice): the history holds the schedule either way.
  }
}
