import { type Actor, hasRole } from "../actor";
import type { Application } from "../application/types";
import { problems } from "../errors";
import { parseNationalId } from "../national-id";
import type { UserIdentity } from "../user-identity";

/**
 * An officer's account in their agency's directory (DOMAIN.md §1, 001 «คุณสมบัติของเจ้าหน้าที่»): tied
 * to a national ID and an e-mail, to one agency, and to the license types the officer is assigned.
 * The identity provider says who someone is and which agency they belong to; this record says what
 * they may work on, and a supervisor can change or revoke it at once without touching the user pool.
 */
export interface OfficerAccount {
  /** The identity provider's subject (Cognito `sub`). */
  userId: string;
  /** 13 digits, check digit verified. */
  nationalId: string;
  email: string;
  agencyId: string;
  /** Sorted, without duplicates, every one issued by `agencyId`. */
  licenseTypeIds: string[];
  supervisor: boolean;
  active: boolean;
  /**
   * Optimistic lock, +1 per change. A counter rather than `updatedAt`: two changes in the same
   * millisecond, or a local clock moved back, would otherwise pass each other's condition.
   */
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

/** What a supervisor sets on an account. */
export interface OfficerAccountSettings {
  nationalId: string;
  email: string;
  licenseTypeIds: string[];
  supervisor: boolean;
  active: boolean;
}

/** Which agency issues a license type (the catalog says; undefined for a type it does not have). */
export type LicenseTypeAgencyOf = (licenseTypeId: string) => string | undefined;

/** An officer may see and act on an application only if active, of its agency, and assigned its type. */
export function mayHandle(
  account: OfficerAccount | undefined,
  app: Pick<Application, "agencyId" | "licenseTypeId">,
): boolean {
  return (
    !!account &&
    account.active &&
    account.agencyId === app.agencyId &&
    account.licenseTypeIds.includes(app.licenseTypeId)
  );
}

/** Why `mayHandle` said no, for the 403's detail (the officer asks their supervisor to fix it). */
export function whyNotHandled(
  account: OfficerAccount | undefined,
  app: Pick<Application, "agencyId" | "licenseTypeId">,
): { en: string; th: string } {
  if (!account)
    return {
      en: "There is no officer account for you in this agency; ask your supervisor",
      th: "ท่านยังไม่มีบัญชีเจ้าหน้าที่ในหน่วยงานนี้ กรุณาติดต่อหัวหน้า",
    };
  if (!account.active) return { en: "Your officer account is deactivated", th: "บัญชีเจ้าหน้าที่ของท่านถูกระงับ" };
  if (account.agencyId !== app.agencyId)
    return { en: "The application belongs to another agency", th: "คำขอนี้เป็นของหน่วยงานอื่น" };
  return {
    en: `You are not assigned to license type "${app.licenseTypeId}"; ask your supervisor`,
    th: `ท่านไม่ได้รับมอบหมายให้ดูแลใบอนุญาตประเภท "${app.licenseTypeId}" กรุณาติดต่อหัวหน้า`,
  };
}

/** The license types an account may work on: none when it is inactive or of another agency. */
export function handledLicenseTypeIds(account: OfficerAccount | undefined, agencyId: string): string[] {
  if (!account?.active || account.agencyId !== agencyId) return [];
  return [...account.licenseTypeIds];
}

/**
 * Who may manage an agency's accounts. Two sources, both bound to the same agency:
 * - "admin": the `agency-admin` group in the identity provider. It bootstraps an empty directory
 *   (someone must create the first supervisor) and cannot be locked out by a change in it.
 * - "supervisor": an officer whose own active account carries `supervisor` (the "a
 *   supervisor reassigns"), managed by the agency itself without a user-pool administrator.
 */
export type SupervisorAuthority = "admin" | "supervisor";

export function supervisorAuthority(
  actor: Actor,
  actorAccount: OfficerAccount | undefined,
  agencyId: string,
): SupervisorAuthority | undefined {
  if (actor.agencyId !== agencyId) return undefined;
  if (hasRole(actor, "agency-admin")) return "admin";
  if (
    hasRole(actor, "officer") &&
    actorAccount?.userId === actor.userId &&
    actorAccount.agencyId === agencyId &&
    actorAccount.active &&
    actorAccount.supervisor
  )
    return "supervisor";
  return undefined;
}

export function assertSupervisor(
  actor: Actor,
  actorAccount: OfficerAccount | undefined,
  agencyId: string | undefined,
): SupervisorAuthority {
  const authority = agencyId ? supervisorAuthority(actor, actorAccount, agencyId) : undefined;
  if (!authority)
    throw problems.forbidden({
      en: "Only a supervisor or the administrator of the agency may manage officer accounts",
      th: "เฉพาะหัวหน้าหรือผู้ดูแลระบบของหน่วยงานเท่านั้นที่จัดการบัญชีเจ้าหน้าที่ได้",
    });
  return authority;
}

/**
 * A supervisor manages the accounts of their own agency's users only: the user pool says which agency
 * a user belongs to (`custom:agencyId`, set by an administrator). Another agency's user, and an id the
 * pool does not know, get the same 404, so the answer tells nothing about other agencies' staff.
 */
export function assertUserOfAgency(user: UserIdentity | undefined, userId: string, agencyId: string): void {
  if (!user || user.agencyId !== agencyId) throw problems.userNotInAgency(userId);
}

/** Every id must be a license type the agency issues; returns them sorted and without duplicates. */
export function assignableLicenseTypeIds(
  ids: readonly string[],
  agencyId: string,
  agencyOf: LicenseTypeAgencyOf,
): string[] {
  for (const id of ids) if (agencyOf(id) !== agencyId) throw problems.licenseTypeNotOfAgency(id, agencyId);
  return [...new Set(ids)].sort();
}

export interface AccountChangeContext {
  actor: Actor;
  authority: SupervisorAuthority;
  agencyId: string;
  now: Date;
  agencyOf: LicenseTypeAgencyOf;
}

/**
 * The account after a supervisor's create or update, or `undefined` when nothing would change (the
 * same PUT twice writes once). Refuses a bad national ID, a license type of another agency, and a
 * supervisor removing their own supervisor flag or deactivating themselves, which would leave the
 * agency without the supervisor making the change (an admin's authority does not hang on the account).
 */
export function changeAccount(
  ctx: AccountChangeContext,
  userId: string,
  existing: OfficerAccount | undefined,
  settings: OfficerAccountSettings,
): OfficerAccount | undefined {
  const next = {
    nationalId: parseNationalId(settings.nationalId),
    email: settings.email.trim().toLowerCase(),
    licenseTypeIds: assignableLicenseTypeIds(settings.licenseTypeIds, ctx.agencyId, ctx.agencyOf),
    supervisor: settings.supervisor,
    active: settings.active,
  };
  if (ctx.authority === "supervisor" && userId === ctx.actor.userId && !(next.supervisor && next.active))
    throw problems.supervisorCannotDemoteSelf();
  if (existing && sameSettings(existing, next)) return undefined;
  const at = ctx.now.toISOString();
  return {
    userId,
    ...next,
    agencyId: ctx.agencyId,
    version: existing ? existing.version + 1 : 1,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
    updatedBy: ctx.actor.userId,
  };
}

/** Reassignment: the same account with a new set of license types (undefined when it is the same set). */
export function reassign(
  ctx: AccountChangeContext,
  existing: OfficerAccount,
  licenseTypeIds: readonly string[],
): OfficerAccount | undefined {
  return changeAccount(ctx, existing.userId, existing, { ...existing, licenseTypeIds: [...licenseTypeIds] });
}

function sameSettings(a: OfficerAccountSettings, b: OfficerAccountSettings): boolean {
  return (
    a.nationalId === b.nationalId &&
    a.email === b.email &&
    a.supervisor === b.supervisor &&
    a.active === b.active &&
    a.licenseTypeIds.length === b.licenseTypeIds.length &&
    a.licenseTypeIds.every((id, i) => id === b.licenseTypeIds[i])
  );
}
