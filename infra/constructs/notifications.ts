import type { RemovalPolicy } from "aws-cdk-lib";
import { Duration } from "aws-cdk-lib";
import { Key } from "aws-cdk-lib/aws-kms";
import { Topic } from "aws-cdk-lib/aws-sns";
import { Construct } from "constructs";
import type { NotificationTopic } from "../../shared/ports/event-publisher";

export interface NotificationsProps {
  stage: string;
  removalPolicy: RemovalPolicy;
}

/** The environment variable each topic's ARN is passed in (shared/adapters/environment.ts). */
export const topicEnvironment: Record<NotificationTopic, string> = {
  fixRequests: "FIX_REQUESTS_TOPIC_ARN",
  approvals: "APPROVALS_TOPIC_ARN",
  overdueEscalations: "OVERDUE_TOPIC_ARN",
};

/**
 * SNS topics for fix requests, approvals and overdue escalations (DESIGN.md §2), encrypted with their
 * own customer-managed key: messages carry applicant names and ids, and a separate key lets the
 * subscriber side (agency systems, OPDC) be granted decrypt without touching the data key.
 */
export class Notifications extends Construct {
  readonly key: Key;
  readonly topics: Record<NotificationTopic, Topic>;

  constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id);
    this.key = new Key(this, "Key", {
      description: `BizPortal ${props.stage}: notification topics`,
      alias: `alias/bizportal-${props.stage}-notifications`,
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
      pendingWindow: Duration.days(7),
    });
    const topic = (name: string, displayName: string) =>
      new Topic(this, name, { displayName, masterKey: this.key, enforceSSL: true });
    this.topics = {
      fixRequests: topic("FixRequests", "BizPortal fix requests"),
      approvals: topic("Approvals", "BizPortal decisions"),
      overdueEscalations: topic("OverdueEscalations", "BizPortal overdue escalations"),
    };
  }
}
