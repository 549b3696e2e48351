import { ConditionalCheckFailedException, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { businessProblems } from "../../domain/business/errors";
import type { Business } from "../../domain/business/types";
import { problems } from "../../domain/errors";
import type { Page } from "../../ports/application-store";
import type { BusinessDraft, BusinessStore } from "../../ports/business-store";
import type { IdempotentResult } from "../../ports/idempotency-store";
import { indexAttributes, keys, withoutKeys } from "./keys";

type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

/** Idempotency keys are honoured for a day, as for applications (DynamoDB TTL removes them). */
const idempotencyTtlSeconds = 24 * 3600;

/**
 * Businesses in the one table. A business is `BIZ#<id>`/`META`; each application made for it is
 * linked by `BIZ#<id>`/`APP#<applicationId>` (ULIDs: oldest first), so Smart Track reads one
 * partition. "My businesses" is a partition of GSI2 of its own (`BIZOWNER#<user>`, by creation time):
 * no Scan, and never mixed into the applicant's applications (`USER#<user>` in the same index).
 */
export const businessKeys = {
  business: (id: string) => ({ PK: `BIZ#${id}`, SK: "META" }),
  link: (businessId: string, applicationId: string) => ({
    PK: `BIZ#${businessId}`,
    SK: `APP#${applicationId}`,
  }),
  ownerPartition: (ownerId: string) => `BIZOWNER#${ownerId}`,
};

export class DynamoDbBusinessStore implements BusinessStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private item(business: Business): Record<string, unknown> {
    return {
      ...businessKeys.business(business.id),
      entity: "business",
      GSI2PK: businessKeys.ownerPartition(business.ownerId),
      GSI2SK: `${business.createdAt}#${business.id}`,
      ...business,
    };
  }

  async create(business: Business): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: this.item(business),
        ConditionExpression: "attribute_not_exists(PK)",
      }),
    );
  }

  async get(id: string): Promise<Business | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: businessKeys.business(id), ConsistentRead: true }),
    );
    return Item ? withoutKeys<Business>(Item) : undefined;
  }

  async update(business: Business, expectedVersion: number): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: this.item(business),
          ConditionExpression: "version = :expected",
          ExpressionAttributeValues: { ":expected": expectedVersion },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        throw businessProblems.businessChanged({ cause: error });
      throw error;
    }
  }

  async listByOwner(ownerId: string, page: { limit: number; cursor?: string }): Promise<Page<Business>> {
    const partition = businessKeys.ownerPartition(ownerId);
    const { Items = [], LastEvaluatedKey } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: "GSI2",
        KeyConditionExpression: "GSI2PK = :pk",
        ExpressionAttributeValues: { ":pk": partition },
        ScanIndexForward: false,
        Limit: page.limit,
        ExclusiveStartKey: page.cursor ? decodeCursor(page.cursor, partition) : undefined,
      }),
    );
    const result: Page<Business> = { items: Items.map((i) => withoutKeys<Business>(i)) };
    if (LastEvaluatedKey) result.cursor = Buffer.from(JSON.stringify(LastEvaluatedKey)).toString("base64url");
    return result;
  }

  async createApplications(
    businessId: string,
    drafts: BusinessDraft[],
    idempotency?: IdempotentResult,
  ): Promise<void> {
    const items: TransactItem[] = [
      // The business must still be there (and its owner's) when its applications are written.
      {
        ConditionCheck: {
          TableName: this.tableName,
          Key: businessKeys.business(businessId),
          ConditionExpression: "attribute_exists(PK)",
        },
      },
    ];
    for (const { application, event } of drafts) {
      items.push(
        {
          Put: {
            TableName: this.tableName,
            Item: {
              ...keys.application(application.id),
              entity: "application",
              ...indexAttributes(application),
              ...application,
            },
            ConditionExpression: "attribute_not_exists(PK)",
          },
        },
        {
          Put: {
            TableName: this.tableName,
            Item: { ...keys.event(application.id, event.at, application.version), entity: "event", ...event },
            ConditionExpression: "attribute_not_exists(PK)",
          },
        },
        {
          Put: {
            TableName: this.tableName,
            Item: { ...businessKeys.link(businessId, application.id), entity: "business-application" },
          },
        },
      );
    }
    if (idempotency)
      items.push({
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.idempotency(idempotency.scope, idempotency.key),
            entity: "idempotency",
            ...idempotency,
            expiresAt: Math.floor(Date.now() / 1000) + idempotencyTtlSeconds,
          },
          ConditionExpression: "attribute_not_exists(PK)",
        },
      });
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      if (reasons[0]?.Code === "ConditionalCheckFailed") throw businessProblems.businessNotFound();
      // Two identical requests at once: the loser's idempotency record collides (see idempotency.ts).
      if (reasons.some((r) => r.Code === "ConditionalCheckFailed" || r.Code === "TransactionConflict"))
        throw problems.concurrentModification({ cause: error });
      throw error;
    }
  }

  async applicationIds(businessId: string): Promise<string[]> {
    const ids: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: "PK = :pk AND begins_with(SK, :app)",
          ExpressionAttributeValues: { ":pk": `BIZ#${businessId}`, ":app": "APP#" },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) ids.push(String(item.SK).slice("APP#".length));
      start = page.LastEvaluatedKey;
    } while (start);
    return ids;
  }
}

/** Only a key of the caller's own partition is passed on (else DynamoDB answers 500, not 400). */
function decodeCursor(cursor: string, partition: string): Record<string, unknown> {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw problems.invalidCursor({ en: "The cursor does not decode", th: "อ่านตัวชี้หน้าไม่ได้" });
  }
  const valid =
    typeof key === "object" &&
    key !== null &&
    Object.keys(key).sort().join() === "GSI2PK,GSI2SK,PK,SK" &&
    Object.values(key).every((v) => typeof v === "string") &&
    (key as Record<string, unknown>).GSI2PK === partition;
  if (!valid)
    throw problems.invalidCursor({ en: "The cursor is not one of this list", th: "ตัวชี้หน้านี้ไม่ใช่ของรายการนี้" });
  return key as Record<string, unknown>;
}
