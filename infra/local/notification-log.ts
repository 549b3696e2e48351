import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Clock } from "../../shared/ports/clock";
import type { EventPublisher, Notification, NotificationTopic } from "../../shared/ports/event-publisher";

export interface LoggedNotification {
  topic: NotificationTopic;
  publishedAt: string;
  notification: Notification;
}

/**
 * SNS's stand-in: every message published to a topic is kept once (with topic, time and body), fanned
 * out to in-process subscribers, and appended to a JSON-lines file so it survives restarts.
 */
export class LocalNotificationLog implements EventPublisher {
  private readonly entries: LoggedNotification[] = [];
  private readonly ids = new Set<string>();
  private readonly subscribers: ((entry: LoggedNotification) => void)[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly file?: string,
  ) {
    if (file && existsSync(file))
      for (const line of readFileSync(file, "utf8").split("\n"))
        if (line.trim()) {
          const entry = JSON.parse(line) as LoggedNotification;
          this.entries.push(entry);
          if (entry.notification.id) this.ids.add(entry.notification.id);
        }
    if (file) mkdirSync(dirname(file), { recursive: true });
  }

  /**
   * A notice published again (a step settled twice, or replayed after a crash) carries the same id:
   * kept once, as a receiver de-duplicating on the id would.
   */
  async publish(topic: NotificationTopic, notification: Notification): Promise<void> {
    if (notification.id && this.ids.has(notification.id)) return;
    if (notification.id) this.ids.add(notification.id);
    const entry: LoggedNotification = { topic, publishedAt: this.clock.now().toISOString(), notification };
    this.entries.push(entry);
    if (this.file) appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
    for (const subscriber of this.subscribers) subscriber(entry);
  }

  subscribe(subscriber: (entry: LoggedNotification) => void): void {
    this.subscribers.push(subscriber);
  }

  /** Forgets every message, as a new in-memory log (a test stack's reset); a log kept in a file keeps it. */
  clear(): void {
    if (this.file) throw new Error("A notification log kept in a data folder is not cleared");
    this.entries.length = 0;
  }

  list(filter: { applicationId?: string; topic?: string } = {}): LoggedNotification[] {
    return this.entries.filter(
      (e) =>
        (!filter.applicationId || e.notification.applicationId === filter.applicationId) &&
        (!filter.topic || e.topic === filter.topic),
    );
  }
}
