import type { Notification } from "../notification";
import type { Recipient } from "./recipients";

/** A notice as one person's inbox holds it. */
export interface InboxEntry {
  /** The notice's stable id: the same notice published twice is one entry. */
  id: string;
  userId: string;
  kind: string;
  applicationId: string;
  messageTh: string;
  messageEn: string;
  at: string;
  /** A copy for oversight (OPDC, the agency's supervisor) rather than the applicant's own notice. */
  copy: boolean;
  /** When the user marked it read; absent while unread. */
  readAt?: string;
}

export function inboxEntry(notification: Notification, recipient: Recipient): InboxEntry {
  return {
    id: notification.id,
    userId: recipient.userId,
    kind: notification.kind,
    applicationId: notification.applicationId,
    messageTh: notification.messageTh,
    messageEn: notification.messageEn,
    at: notification.at,
    copy: recipient.copy,
  };
}
