import { findAgency } from "../../catalog";
import type { LicenseRecord, PendingTask } from "../../ports/application-store";
import type { OfficerAction } from "../../schemas/officer-actions";
import { assertAgencyOfficer, assertRole } from "../access-policy";
import type { Actor } from "../actor";
import { applyOfficerAction, officerActionRules } from "../application/officer-actions";
import { type ApplicationStatus, type HumanStep, officerQueueStatuses } from "../application/status";
import type { Application } from "../application/types";
import { problems } from "../errors";
import { formatLicenseNumber, licenseSequenceScope } from "../license-number";
import type { Dependencies } from "./dependencies";
import { licenseTypeOf } from "./license-type-of";

type Deps<K extends keyof Dependencies> = Pick<Dependencies, K>;

export async function officerQueue(
  deps: Deps<"store">,
  actor: Actor,
  query: { status?: ApplicationStatus | undefined; limit: number },
): Promise<Application[]> {
  assertRole(actor, "officer");
  if (!actor.agencyId) throw problems.forbidden("The officer account is not bound to an agency");
  const statuses = query.status ? [query.status] : officerQueueStatuses;
  return deps.store.agencyQueue(actor.agencyId, statuses, query.limit);
}

/**
 * An officer's action: checked by the domain, written with its event and the consumed task token
 * in one transaction, then handed to the workflow, which routes on it.
 */
export async function performOfficerAction(
  deps: Deps<"store" | "workflow" | "clock" | "deadlines">,
  actor: Actor,
  id: string,
  action: OfficerAction,
): Promise<Application> {
  const app = await deps.store.get(id);
  assertAgencyOfficer(actor, app);
  const licenseType = licenseTypeOf(app);
  const rule = officerActionRules[action.action];
  if (!rule.from(licenseType).includes(app.status))
    throw problems.invalidTransition(action.action, app.status);
  const task = await pendingTask(deps, id, rule.step);
  const now = deps.clock.now();
  let license: LicenseRecord | undefined;
  let licenseNumber: string | undefined;
  if (action.action === "issue-license") {
    const agency = findAgency(app.agencyId);
    if (!agency) throw new Error(`Unknown agency ${app.agencyId}`);
    const seq = await deps.store.nextSequence(licenseSequenceScope(agency.code, licenseType.code, now));
    licenseNumber = formatLicenseNumber(agency.code, licenseType.code, now, seq);
    license = {
      number: licenseNumber,
      applicationId: app.id,
      licenseTypeId: app.licenseTypeId,
      agencyId: app.agencyId,
      holderId: app.applicantId,
      businessName: String(app.formData.businessName ?? ""),
      issuedAt: now.toISOString(),
      validUntil: licenseType.validityMonths
        ? addMonths(now, licenseType.validityMonths).toISOString()
        : null,
    };
  }
  const outcome = applyOfficerAction(app, action, {
    licenseType,
    officer: actor,
    now,
    deadlines: deps.deadlines,
    ...(licenseNumber ? { licenseNumber } : {}),
  });
  await deps.store.apply(outcome, license ? { license } : {});
  if (outcome.resumesWorkflow) await deps.workflow.sendTaskSuccess(task.token, outcome.workflowOutput);
  return outcome.application;
}

/**
 * The workflow records a step's token a moment after the previous step ends; an officer acting in
 * that moment waits briefly for it rather than being refused.
 */
async function pendingTask(deps: Deps<"store">, id: string, step: HumanStep): Promise<PendingTask> {
  for (let attempt = 0; attempt < 15; attempt++) {
    const task = await deps.store.getPendingTask(id, step);
    if (task) return task;
    await new Promise((resolve) => setTimeout(resolve, 100 * Math.min(attempt + 1, 5)));
  }
  throw problems.workflowNotWaiting(step);
}

function addMonths(date: Date, months: number): Date {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}
