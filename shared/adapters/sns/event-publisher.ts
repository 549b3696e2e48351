import { PublishCommand, type SNSClient } from "@aws-sdk/client-sns";
import type { EventPublisher, Notification, NotificationTopic } from "../../ports/event-publisher";

export class SnsEventPublisher implements EventPublisher {
  constructor(
    private readonly sns: SNSClient,
    private readonly topicArn: (topic: NotificationTopic) => string,
  ) {}

  async publish(topic: NotificationTopic, notification: Notification): Promise<void> {
    await this.sns.send(
      new PublishCommand({
        TopicArn: this.topicArn(topic),
        Subject: `${notification.kind} ${notification.applicationId}`.slice(0, 100),
        Message: JSON.stringify(notification),
        // Attributes let subscribers filter (agency systems, e-mail, OPDC copy) without parsing.
        MessageAttributes: {
          kind: { DataType: "String", StringValue: notification.kind },
          agencyId: { DataType: "String", StringValue: notification.agencyId },
        },
      }),
    );
  }
}
