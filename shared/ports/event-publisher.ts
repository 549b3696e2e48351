import type { Notification, NotificationTopic } from "../domain/notification";

export { type Notification, type NotificationTopic, notificationTopics } from "../domain/notification";

export interface EventPublisher {
  publish(topic: NotificationTopic, notification: Notification): Promise<void>;
}
