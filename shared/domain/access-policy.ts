import { type Actor, hasRole } from "./actor";
import type { Application } from "./application/types";
import { problems } from "./errors";

/**
 * Who may see and act on an application. Someone who may not see it gets "not found", so the
 * existence of other people's applications does not leak; someone who may see it but not act gets 403.
 */
export function canView(actor: Actor, app: Application): boolean {
  if (hasRole(actor, "applicant") && app.applicantId === actor.userId) return true;
  if (hasRole(actor, "officer") && actor.agencyId === app.agencyId) return true;
  return hasRole(actor, "opdc-admin");
}

export function assertCanView(actor: Actor, app: Application | undefined): asserts app is Application {
  if (!app || !canView(actor, app)) throw problems.applicationNotFound();
}

export function assertOwner(actor: Actor, app: Application | undefined): asserts app is Application {
  assertCanView(actor, app);
  if (!(hasRole(actor, "applicant") && app.applicantId === actor.userId))
    throw problems.forbidden({
      en: "Only the applicant who owns the application may do this",
      th: "เฉพาะผู้ยื่นคำขอเจ้าของคำขอเท่านั้นที่ดำเนินการนี้ได้",
    });
}

export function assertAgencyOfficer(actor: Actor, app: Application | undefined): asserts app is Application {
  assertCanView(actor, app);
  if (!(hasRole(actor, "officer") && actor.agencyId === app.agencyId))
    throw problems.forbidden({
      en: "Only an officer of the issuing agency may act on this application",
      th: "เฉพาะเจ้าหน้าที่ของหน่วยงานผู้ออกใบอนุญาตเท่านั้นที่ดำเนินการกับคำขอนี้ได้",
    });
}

export function assertRole(actor: Actor, ...roles: Parameters<typeof hasRole>[1][]): void {
  if (!roles.some((r) => hasRole(actor, r)))
    throw problems.forbidden({
      en: `Requires one of: ${roles.join(", ")}`,
      th: `ต้องมีบทบาทใดบทบาทหนึ่ง: ${roles.join(", ")}`,
    });
}
