import type { EventPublisher, NotificationTopic } from "../../ports/event-publisher";
import type { Notifier, RoleDirectory } from "../../ports/notifier";
import type { OfficerDirectory } from "../../ports/officer-directory";
import { type RoleHolders, recipientsOf, rolesToLookUp } from "../inbox/recipients";
import type { Notification } from "../notification";

type Publishing = { publisher: EventPublisher; notifier: Notifier };
type Directories = { roles: RoleDirectory; officers: Pick<OfficerDirectory, "listByAgency"> };

/**
 * Sends a notice that names only its applicant: published on its topic (agency systems; a notice
 * without a topic is for the applicant alone), then put in the applicant's inbox. Both are idempotent on the notice's id, so a retry after a crash between
 * the two delivers what is missing and duplicates nothing.
 */
export async function sendNotice(
  deps: Publishing,
  topic: NotificationTopic | undefined,
  notification: Notification,
) {
  const needs = rolesToLookUp(notification);
  // A programming error, not a user's: a notice with copies goes through sendNoticeWithCopies.
  if (needs.opdc || needs.agencySupervisors)
    throw new Error(`Notice ${notification.id} has copies: send it with the directories`);
  if (topic) await deps.publisher.publish(topic, notification);
  await deps.notifier.deliver(notification, recipientsOf(notification, { opdc: [], agencySupervisors: [] }));
}

/** Sends a notice with copies (s.10 overdue: OPDC and the agency's supervisors), each person once. */
export async function sendNoticeWithCopies(
  deps: Publishing & Directories,
  topic: NotificationTopic,
  notification: Notification,
) {
  await deps.publisher.publish(topic, notification);
  await deps.notifier.deliver(
    notification,
    recipientsOf(notification, await roleHolders(deps, notification)),
  );
}

async function roleHolders(deps: Directories, notification: Notification): Promise<RoleHolders> {
  const needs = rolesToLookUp(notification);
  const [opdc, accounts] = await Promise.all([
    needs.opdc ? deps.roles.members("opdc-admin") : [],
    needs.agencySupervisors ? deps.officers.listByAgency(notification.agencyId) : [],
  ]);
  return {
    opdc,
    // A revoked supervisor no longer oversees the agency: only active accounts get the copy.
    agencySupervisors: accounts.filter((a) => a.supervisor && a.active).map((a) => a.userId),
  };
}
