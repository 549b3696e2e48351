import type { OfficerDirectory } from "../../ports/officer-directory";
import { type Actor, hasRole } from "../actor";
import type { Application } from "../application/types";
import { problems } from "../errors";
import {
  handledLicenseTypeIds,
  mayHandle,
  type OfficerAccount,
  whyNotHandled,
} from "../officers/officer-account";

/**
 * "Officers use only their assigned licenses" (DOMAIN.md §1): the token proves the agency, the
 * directory says which license types. Read on every request, so a supervisor's reassignment or
 * revocation takes effect at once instead of when the officer's token expires.
 */
export interface OfficerAccessDeps {
  officers: OfficerDirectory;
}

type Scoped = Pick<Application, "agencyId" | "licenseTypeId">;

/**
 * For officer actions, after `assertAgencyOfficer(actor, app)` (which keeps other agencies at 404):
 * 403 OFFICER_NOT_ASSIGNED unless the actor's account is active and assigned the license type.
 */
export async function assertAssignedOfficer(
  deps: OfficerAccessDeps,
  actor: Actor,
  app: Scoped,
): Promise<void> {
  const account = actor.agencyId ? await deps.officers.get(actor.agencyId, actor.userId) : undefined;
  if (!mayHandle(account, app)) throw problems.officerNotAssigned(whyNotHandled(account, app));
  const unbound = emailBindingProblem(account, actor);
  if (unbound) throw problems.officerNotAssigned(unbound);
}

/**
 * 001: an officer account is bound to a national ID and an e-mail; a sign-in under another address
 * (a reassigned mailbox, a shared login) does not carry the account's rights, and neither does a
 * sign-in that names no address at all: the binding is never skipped.
 */
function emailBindingProblem(
  account: OfficerAccount | undefined,
  actor: Actor,
): { en: string; th: string } | undefined {
  if (!account) return undefined;
  if (!actor.email)
    return {
      en: "Your sign-in carries no e-mail address, so it cannot be matched to your officer account",
      th: "บัญชีเข้าระบบของท่านไม่มีอีเมล จึงจับคู่กับบัญชีเจ้าหน้าที่ไม่ได้",
    };
  if (account.email.toLowerCase() !== actor.email.toLowerCase())
    return {
      en: "Your officer account is bound to another e-mail address; ask your supervisor",
      th: "บัญชีเจ้าหน้าที่ของท่านผูกกับอีเมลอื่น กรุณาติดต่อหัวหน้า",
    };
  return undefined;
}

/**
 * For reads (view, history), after `assertCanView(actor, app)`: the owner and OPDC see it as before;
 * someone who sees it only as an officer of the agency must be assigned its license type. Same-agency
 * officers get 403, not 404: the agency's own staff know the application exists, and the reason
 * tells them whom to ask.
 */
export async function assertAssignedToView(
  deps: OfficerAccessDeps,
  actor: Actor,
  app: Application,
): Promise<void> {
  if (hasRole(actor, "applicant") && app.applicantId === actor.userId) return;
  if (hasRole(actor, "opdc-admin")) return;
  await assertAssignedOfficer(deps, actor, app);
}

/** The license types the actor may work on, to filter the officer queue; [] without an active account. */
export async function assignedLicenseTypeIds(deps: OfficerAccessDeps, actor: Actor): Promise<string[]> {
  if (!actor.agencyId || !hasRole(actor, "officer")) return [];
  const account = await deps.officers.get(actor.agencyId, actor.userId);
  if (emailBindingProblem(account, actor)) return [];
  return handledLicenseTypeIds(account, actor.agencyId);
}
