/** The SNS topics (DESIGN.md §2): fix requests, approvals, overdue escalations. */
export const notificationTopics = ["fixRequests", "approvals", "overdueEscalations"] as const;
export type NotificationTopic = (typeof notificationTopics)[number];

/** A notice to an applicant (and the agency systems subscribed to its topic). */
export interface Notification {
  /**
   * Stable across retries and replays (application, round, kind): a notice published twice after a
   * crash is the same notice, and receivers de-duplicate on it.
   */
  id: string;
  kind: string;
  applicationId: string;
  licenseTypeId: string;
  agencyId: string;
  applicantId: string;
  status: string;
  at: string;
  /** Thai and English text for the recipient. */
  messageTh: string;
  messageEn: string;
  /** Who is told; copies (OPDC, the agency's supervisor) are marked. Default: the applicant. */
  recipients?: {
    role: "applicant" | "opdc" | "agency-supervisor";
    id?: string;
    agencyId?: string;
    copy?: boolean;
  }[];
  data?: Record<string, unknown>;
}
