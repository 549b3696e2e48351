import type { Notification } from "../notification";

export type RecipientRole = NonNullable<Notification["recipients"]>[number]["role"];

/** One person a notice reaches; a copy (OPDC, the agency's supervisor) is marked as such. */
export interface Recipient {
  userId: string;
  role: RecipientRole;
  copy: boolean;
}

/** The people behind the roles a notice names, as the directories know them. */
export interface RoleHolders {
  /** OPDC oversight users. */
  opdc: readonly string[];
  /** Supervisors of the notice's agency (active officer accounts only). */
  agencySupervisors: readonly string[];
}

/** The roles a notice names beyond its applicant: what must be looked up before it is delivered. */
export function rolesToLookUp(notification: Notification): { opdc: boolean; agencySupervisors: boolean } {
  const roles = new Set((notification.recipients ?? []).map((r) => r.role));
  return { opdc: roles.has("opdc"), agencySupervisors: roles.has("agency-supervisor") };
}

/**
 * Who receives the notice: its applicant when it names nobody, else everyone behind the roles it
 * names. One person holding two roles (an OPDC user who also applied) gets one copy: the first
 * listed, so the applicant's own notice is never demoted to a copy.
 */
export function recipientsOf(notification: Notification, holders: RoleHolders): Recipient[] {
  const listed = notification.recipients ?? [{ role: "applicant" as const, id: notification.applicantId }];
  const found: Recipient[] = [];
  for (const entry of listed) {
    const copy = entry.copy ?? false;
    const ids =
      entry.role === "applicant"
        ? [entry.id ?? notification.applicantId]
        : entry.role === "opdc"
          ? holders.opdc
          : holders.agencySupervisors;
    for (const userId of ids)
      if (!found.some((r) => r.userId === userId)) found.push({ userId, role: entry.role, copy });
  }
  return found;
}
