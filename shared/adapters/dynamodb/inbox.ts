import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { type DynamoDBDocumentClient, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { problems } from "../../domain/errors";
import { type InboxEntry, inboxEntry } from "../../domain/inbox/inbox-entry";
import type { Recipient } from "../../domain/inbox/recipients";
import type { Notification } from "../../domain/notification";
import type { Inbox, InboxPage, Notifier } from "../../ports/notifier";
import { keys, withoutKeys } from "./keys";

/** "My notices, newest first" is a Query of GSI1 (whole items) on this partition, sorted by time. */
const inboxPartition = (userId: string) => `INBOX#${userId}`;

/**
 * Each user's inbox in the single table: one item per recipient and notice under `USER#<id>` /
 * `NOTICE#<noticeId>`, put only if absent, so a notice published twice (same id) is held once and
 * keeps its read mark; GSI1 (`INBOX#<id>`, `<at>#<noticeId>`) lists it by time.
 */
export class DynamoDbInbox implements Notifier, Inbox {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async deliver(notification: Notification, recipients: readonly Recipient[]): Promise<void> {
    await Promise.all(recipients.map((r) => this.put(inboxEntry(notification, r))));
  }

  private async put(entry: InboxEntry): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.inboxEntry(entry.userId, entry.id),
            GSI1PK: inboxPartition(entry.userId),
            GSI1SK: `${entry.at}#${entry.id}`,
            entity: "inbox-entry",
            ...entry,
          },
          ConditionExpression: "attribute_not_exists(PK)",
        }),
      );
    } catch (error) {
      // Already delivered: the first copy stands (its time, its read mark).
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async list(userId: string, page: { limit: number; cursor?: string }): Promise<InboxPage> {
    const { Items = [], LastEvaluatedKey } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: "GSI1",
        KeyConditionExpression: "GSI1PK = :pk",
        ExpressionAttributeValues: { ":pk": inboxPartition(userId) },
        ScanIndexForward: false,
        Limit: page.limit,
        ExclusiveStartKey: page.cursor ? decodeCursor(page.cursor, userId) : undefined,
      }),
    );
    const result: InboxPage = { items: Items.map((item) => withoutKeys<InboxEntry>(item)) };
    if (LastEvaluatedKey) result.cursor = Buffer.from(String(LastEvaluatedKey.GSI1SK)).toString("base64url");
    return result;
  }

  async markRead(userId: string, id: string, at: string): Promise<InboxEntry | undefined> {
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.inboxEntry(userId, id),
          // Idempotent: marking again keeps the first time it was read.
          UpdateExpression: "SET readAt = if_not_exists(readAt, :at)",
          ConditionExpression: "attribute_exists(PK)",
          ExpressionAttributeValues: { ":at": at },
          ReturnValues: "ALL_NEW",
        }),
      );
      return Attributes ? withoutKeys<InboxEntry>(Attributes) : undefined;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }
}

/**
 * The cursor is the last entry's sort key (`<at>#<noticeId>`) in base64url: only the user's own
 * partition is ever queried with it, so an altered cursor is a 400 or another page of the same inbox.
 */
function decodeCursor(cursor: string, userId: string): Record<string, string> {
  const sortKey = Buffer.from(cursor, "base64url").toString("utf8");
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)#([^#\s][^\s]{0,300})$/.exec(sortKey);
  if (!match)
    throw problems.invalidCursor({
      en: "The cursor is not one of this inbox",
      th: "ตัวชี้หน้านี้ไม่ใช่ของกล่องข้อความนี้",
    });
  return {
    ...keys.inboxEntry(userId, match[2]!),
    GSI1PK: inboxPartition(userId),
    GSI1SK: sortKey,
  };
}
