import type { Role } from "../domain/actor";
import type { InboxEntry } from "../domain/inbox/inbox-entry";
import type { Recipient } from "../domain/inbox/recipients";
import type { Notification } from "../domain/notification";

export type { InboxEntry } from "../domain/inbox/inbox-entry";
export type { Recipient } from "../domain/inbox/recipients";

/**
 * Tells people of a notice: each recipient's inbox (and, deployed, e-mail). Idempotent on the
 * notice's id: delivering the same notice again (a replay, an outcome settled twice) adds nothing.
 */
export interface Notifier {
  deliver(notification: Notification, recipients: readonly Recipient[]): Promise<void>;
}

export interface InboxPage {
  items: InboxEntry[];
  /** Opaque: pass it back for the next (older) page; absent on the last page. */
  cursor?: string;
}

/** Each user's notices, newest first. */
export interface Inbox {
  list(userId: string, page: { limit: number; cursor?: string }): Promise<InboxPage>;
  /** Marks the user's entry read (keeping the first time); undefined when the user holds no such entry. */
  markRead(userId: string, id: string, at: string): Promise<InboxEntry | undefined>;
}

/** Who holds a role (the identity provider's groups): OPDC users receive copies of overdue notices. */
export interface RoleDirectory {
  /** User ids of the enabled members of the role's group. */
  members(role: Role): Promise<string[]>;
}
