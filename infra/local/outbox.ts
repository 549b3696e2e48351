import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Clock } from "../../shared/ports/clock";
import type { Notification } from "../../shared/ports/event-publisher";
import type { Notifier, Recipient } from "../../shared/ports/notifier";

/** One notice sent to one person: what the e-mail deployed would say, and to whom. */
export interface OutboxMessage {
  noticeId: string;
  kind: string;
  applicationId: string;
  to: Recipient;
  sentAt: string;
  messageTh: string;
  messageEn: string;
}

/**
 * SES's stand-in on the local stack: the inboxes get the notice (the same DynamoDB inbox as
 * deployed), and each person's message is kept once in the operator's outbox (`GET /local/outbox`)
 * where e-mail would go out, appended to a JSON-lines file so it survives restarts.
 */
export class LocalOutbox implements Notifier {
  private readonly messages: OutboxMessage[] = [];
  private readonly sent = new Set<string>();

  constructor(
    private readonly inbox: Notifier,
    private readonly clock: Clock,
    private readonly file?: string,
  ) {
    if (file && existsSync(file))
      for (const line of readFileSync(file, "utf8").split("\n"))
        if (line.trim()) this.keep(JSON.parse(line) as OutboxMessage);
    if (file) mkdirSync(dirname(file), { recursive: true });
  }

  async deliver(notification: Notification, recipients: readonly Recipient[]): Promise<void> {
    await this.inbox.deliver(notification, recipients);
    for (const to of recipients) {
      const message: OutboxMessage = {
        noticeId: notification.id,
        kind: notification.kind,
        applicationId: notification.applicationId,
        to,
        sentAt: this.clock.now().toISOString(),
        messageTh: notification.messageTh,
        messageEn: notification.messageEn,
      };
      if (this.keep(message) && this.file) appendFileSync(this.file, `${JSON.stringify(message)}\n`);
    }
  }

  /** False when this person already has this notice (sent again after a replay). */
  private keep(message: OutboxMessage): boolean {
    const key = `${message.noticeId}|${message.to.userId}`;
    if (this.sent.has(key)) return false;
    this.sent.add(key);
    this.messages.push(message);
    return true;
  }

  /** Forgets every message, as a new in-memory outbox (a test stack's reset). */
  clear(): void {
    if (this.file) throw new Error("An outbox kept in a data folder is not cleared");
    this.messages.length = 0;
    this.sent.clear();
  }

  list(filter: { applicationId?: string; userId?: string } = {}): OutboxMessage[] {
    return this.messages.filter(
      (m) =>
        (!filter.applicationId || m.applicationId === filter.applicationId) &&
        (!filter.userId || m.to.userId === filter.userId),
    );
  }
}
