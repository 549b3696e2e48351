import type { Clock } from "../../ports/clock";
import type { LicenseCatalog } from "../../ports/license-catalog";
import type { OfficerDirectory } from "../../ports/officer-directory";
import type { UserDirectory } from "../../ports/user-directory";
import { type Actor, hasRole } from "../actor";
import { problems } from "../errors";
import {
  type AccountChangeContext,
  assertSupervisor,
  assertUserOfAgency,
  changeAccount,
  type LicenseTypeAgencyOf,
  type OfficerAccount,
  type OfficerAccountSettings,
  reassign,
} from "../officers/officer-account";

/** The supervisor's use cases: list, create or update, and reassign the accounts of their agency. */
export interface OfficerAccountDeps {
  officers: OfficerDirectory;
  clock: Clock;
  /** Who a user id belongs to (the user pool): only a user of the supervisor's agency gets an account. */
  users: UserDirectory;
  /** Which agency issues each license type: an officer is assigned only their agency's. */
  catalog: LicenseCatalog;
}

/** The acting supervisor's agency and authority; 403 for anyone else. */
async function supervisorContext(
  deps: Pick<OfficerAccountDeps, "officers">,
  actor: Actor,
): Promise<{ agencyId: string; authority: AccountChangeContext["authority"] }> {
  const agencyId = actor.agencyId;
  const own =
    agencyId && hasRole(actor, "officer") ? await deps.officers.get(agencyId, actor.userId) : undefined;
  const authority = assertSupervisor(actor, own, agencyId);
  return { agencyId: agencyId!, authority };
}

export async function listOfficerAccounts(
  deps: Pick<OfficerAccountDeps, "officers">,
  actor: Actor,
): Promise<OfficerAccount[]> {
  const { agencyId } = await supervisorContext(deps, actor);
  return deps.officers.listByAgency(agencyId);
}

/**
 * Creates or replaces an account. `version`, when given, is the one the supervisor last read: a
 * change made meanwhile by someone else answers 409 instead of being overwritten. Writing the same
 * settings again changes nothing, so a retried PUT is harmless.
 */
export async function putOfficerAccount(
  deps: OfficerAccountDeps,
  actor: Actor,
  userId: string,
  input: OfficerAccountSettings & { version?: number | undefined },
): Promise<{ account: OfficerAccount; created: boolean }> {
  const { agencyId, authority } = await supervisorContext(deps, actor);
  assertUserOfAgency(await deps.users.find(userId), userId, agencyId);
  const existing = await deps.officers.get(agencyId, userId);
  assertExpectedVersion(existing, input.version);
  const ctx = { actor, authority, agencyId, now: deps.clock.now(), agencyOf: agencyOf(deps) };
  const next = changeAccount(ctx, userId, existing, input);
  if (!next) return { account: existing!, created: false };
  await deps.officers.put(next, existing);
  return { account: next, created: !existing };
}

/** Replaces the license types an officer is assigned (404 for an account the agency does not have). */
export async function reassignOfficer(
  deps: Pick<OfficerAccountDeps, "officers" | "clock" | "catalog">,
  actor: Actor,
  userId: string,
  input: { licenseTypeIds: string[]; version?: number | undefined },
): Promise<OfficerAccount> {
  const { agencyId, authority } = await supervisorContext(deps, actor);
  const existing = await deps.officers.get(agencyId, userId);
  if (!existing) throw problems.officerAccountNotFound(userId);
  assertExpectedVersion(existing, input.version);
  const next = reassign(
    { actor, authority, agencyId, now: deps.clock.now(), agencyOf: agencyOf(deps) },
    existing,
    input.licenseTypeIds,
  );
  if (!next) return existing;
  await deps.officers.put(next, existing);
  return next;
}

function agencyOf(deps: Pick<OfficerAccountDeps, "catalog">): LicenseTypeAgencyOf {
  return (licenseTypeId) => deps.catalog.licenseType(licenseTypeId)?.agencyId;
}

function assertExpectedVersion(existing: OfficerAccount | undefined, expected: number | undefined): void {
  if (expected !== undefined && existing?.version !== expected) throw problems.officerAccountChanged();
}
