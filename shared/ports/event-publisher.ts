/** The SNS topics (DESIGN.md §2): fix requests, approvals, overdue escalations. */
export const notificationTopics = ["fixRequests", "approvals", "overdueEscalations"] as const;
export type NotificationTopic = (typeof notificationTopics)[number];

export interface Notification {
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

export interface EventPublisher {
  publish(topic: NotificationTopic, notification: Notification): Promise<void>;
}
