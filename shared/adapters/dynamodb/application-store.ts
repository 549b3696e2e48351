import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from "@aws-sdk/lib-dynamodb";
import type { Application, ApplicationChange, HistoryEvent } from "../../domain/application/types";
import { problems } from "../../domain/errors";
import type { StepWait } from "../../domain/workflow/progress";
import type { ApplicationStore, ApplyExtras, DocumentAttachment, Page } from "../../ports/application-store";
import { type SequenceAdvance, SequenceMoved } from "../../ports/license-register";
import { indexAttributes, keys, licenseItem, outcomeItem, waitItem, withoutKeys } from "./keys";

/** Idempotency keys are honoured for a day (DynamoDB TTL removes the records after that). */
const idempotencyTtlSeconds = 24 * 3600;

type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

/**
 * Applications, their events and everything written with a change (ApplyExtras), in the one table.
 * The other ports over the same table read what this writes: DynamoDbOfficerQueue (queue-index.ts),
 * DynamoDbIdempotencyStore, DynamoDbLicenseRegister, DynamoDbWorkflowProgress.
 */
export class DynamoDbApplicationStore implements ApplicationStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    /** How a wait is stored; the local stack also indexes open waits (infra/local/workflow). */
    private readonly waitItemOf: (wait: StepWait) => Record<string, unknown> = waitItem,
  ) {}

  async create(application: Application, event: HistoryEvent): Promise<void> {
    await this.transact([
      this.putApplication(application, "attribute_not_exists(PK)"),
      this.putEvent(application, event),
    ]);
  }

  async get(id: string): Promise<Application | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.application(id), ConsistentRead: true }),
    );
    return Item ? withoutKeys<Application>(Item) : undefined;
  }

  async apply(change: ApplicationChange, extra: ApplyExtras = {}): Promise<void> {
    const items: TransactItem[] = [
      this.putApplication(change.application, "version = :expected", { ":expected": change.expectedVersion }),
      this.putEvent(change.application, change.event),
    ];
    // The new license's number and its sequence: what two issues racing for one number collide on.
    const numbered: number[] = [];
    if (extra.license) numbered.push(items.length);
    if (extra.license)
      items.push({
        Put: {
          TableName: this.tableName,
          Item: licenseItem(extra.license),
          ConditionExpression: "attribute_not_exists(PK)",
        },
      });
    if (extra.sequence) numbered.push(items.length);
    if (extra.sequence) items.push(this.advanceSequence(extra.sequence));
    if (extra.licenseUpdate) {
      const { version = 0, ...license } = extra.licenseUpdate;
      items.push({
        Put: {
          TableName: this.tableName,
          Item: licenseItem({ ...license, version: version + 1 }),
          ConditionExpression:
            version === 0 ? "attribute_exists(PK) AND attribute_not_exists(version)" : "version = :v",
          ExpressionAttributeValues: version === 0 ? undefined : { ":v": version },
        },
      });
    }
    // One outcome per round: the version condition already orders the rounds; this guards the key.
    if (extra.outcome)
      items.push({
        Put: {
          TableName: this.tableName,
          Item: outcomeItem(extra.outcome),
          ConditionExpression: "attribute_not_exists(PK)",
        },
      });
    if (extra.wait) items.push({ Put: { TableName: this.tableName, Item: this.waitItemOf(extra.wait) } });
    if (extra.idempotency)
      items.push({
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.idempotency(extra.idempotency.scope, extra.idempotency.key),
            entity: "idempotency",
            ...extra.idempotency,
            expiresAt: Math.floor(Date.now() / 1000) + idempotencyTtlSeconds,
          },
          ConditionExpression: "attribute_not_exists(PK)",
        },
      });
    await this.transact(items, extra.sequence && { scope: extra.sequence.scope, numbered });
  }

  async attachDocument({ change, documentKey, previous }: DocumentAttachment): Promise<void> {
    const app = change.application;
    const names: Record<string, string> = {
      "#docs": "documents",
      "#key": documentKey,
      "#status": "status",
      "#version": "version",
      "#updatedAt": "updatedAt",
    };
    const values: Record<string, unknown> = {
      ":doc": app.documents[documentKey],
      ":status": app.status,
      ":at": app.updatedAt,
      ":one": 1,
    };
    const conditions = ["#status = :status"];
    if (previous) {
      conditions.push("#docs.#key.sha256 = :prevSha AND #docs.#key.attachedAt = :prevAt");
      values[":prevSha"] = previous.sha256;
      values[":prevAt"] = previous.attachedAt;
    } else conditions.push("attribute_not_exists(#docs.#key)");
    // While a fix is requested, only within the same request (a new round is a new memo).
    if (app.fixRequest) {
      names["#fix"] = "fixRequest";
      conditions.push("#fix.requestedAt = :requestedAt");
      values[":requestedAt"] = app.fixRequest.requestedAt;
    }
    const event = keys.event(app.id, change.event.at, app.version);
    await this.transact([
      {
        Update: {
          TableName: this.tableName,
          Key: keys.application(app.id),
          UpdateExpression: "SET #docs.#key = :doc, #updatedAt = :at ADD #version :one",
          ConditionExpression: conditions.join(" AND "),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
      {
        Put: {
          TableName: this.tableName,
          // Two keys attached in the same millisecond over the same version are two events.
          Item: { ...event, SK: `${event.SK}#${documentKey}`, entity: "event", ...change.event },
          ConditionExpression: "attribute_not_exists(PK)",
        },
      },
    ]);
  }

  private advanceSequence({ scope, value }: SequenceAdvance): TransactItem {
    return {
      Update: {
        TableName: this.tableName,
        Key: keys.sequence(scope),
        UpdateExpression: "SET #v = :value",
        ConditionExpression: value === 1 ? "attribute_not_exists(PK)" : "#v = :previous",
        ExpressionAttributeNames: { "#v": "value" },
        ExpressionAttributeValues:
          value === 1 ? { ":value": value } : { ":value": value, ":previous": value - 1 },
      },
    };
  }

  async history(id: string): Promise<HistoryEvent[]> {
    const items = await this.queryAll({
      KeyConditionExpression: "PK = :pk AND begins_with(SK, :evt)",
      ExpressionAttributeValues: { ":pk": `APP#${id}`, ":evt": "EVT#" },
    });
    return items.map((i) => withoutKeys<HistoryEvent>(i));
  }

  async listByApplicant(
    applicantId: string,
    page: { limit: number; cursor?: string },
  ): Promise<Page<Application>> {
    const { Items = [], LastEvaluatedKey } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: "GSI2",
        KeyConditionExpression: "GSI2PK = :pk",
        ExpressionAttributeValues: { ":pk": `USER#${applicantId}` },
        ScanIndexForward: false,
        Limit: page.limit,
        ExclusiveStartKey: page.cursor ? decodeCursor(page.cursor, applicantId) : undefined,
      }),
    );
    const result: Page<Application> = { items: Items.map((i) => withoutKeys<Application>(i)) };
    if (LastEvaluatedKey) result.cursor = encodeCursor(LastEvaluatedKey);
    return result;
  }

  private putApplication(
    app: Application,
    condition: string,
    values?: Record<string, unknown>,
  ): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
        Item: { ...keys.application(app.id), entity: "application", ...indexAttributes(app), ...app },
        ConditionExpression: condition,
        ExpressionAttributeValues: values,
      },
    };
  }

  private putEvent(app: Application, event: HistoryEvent): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
        Item: { ...keys.event(app.id, event.at, app.version), entity: "event", ...event },
        ConditionExpression: "attribute_not_exists(PK)",
      },
    };
  }

  private async transact(
    items: TransactItem[],
    sequence?: { scope: string; numbered: number[] },
  ): Promise<void> {
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      // Only the number failed (the sequence's condition, or a conflict with another issue writing the
      // same sequence or license number at the same moment): the caller reads the sequence again.
      const failed = reasons.flatMap((r, i) => (r.Code && r.Code !== "None" ? [i] : []));
      if (
        sequence &&
        failed.length > 0 &&
        failed.every((i) => sequence.numbered.includes(i)) &&
        failed.every((i) => ["ConditionalCheckFailed", "TransactionConflict"].includes(reasons[i]!.Code!))
      )
        throw new SequenceMoved(sequence.scope, { cause: error });
      // The cancelled transaction (its CancellationReasons say which item failed) stays the cause.
      if (reasons[0]?.Code === "ConditionalCheckFailed")
        throw problems.concurrentModification({ cause: error });
      if (reasons.some((r) => r.Code === "ConditionalCheckFailed" || r.Code === "TransactionConflict"))
        throw problems.concurrentModification({ cause: error });
      throw error;
    }
  }

  private async queryAll(input: Omit<ConstructorParameters<typeof QueryCommand>[0], "TableName">) {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({ ...input, TableName: this.tableName, ExclusiveStartKey: start }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }
}

function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/**
 * The applicant list's cursor is DynamoDB's own last key. Only a key of the caller's own partition is
 * passed on: anything else would reach DynamoDB as a ValidationException, a 500 instead of a 400.
 */
function decodeCursor(cursor: string, applicantId: string): Record<string, unknown> {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw problems.invalidCursor({ en: "The cursor does not decode", th: "อ่านตัวชี้หน้าไม่ได้" });
  }
  const names = ["GSI2PK", "GSI2SK", "PK", "SK"];
  const valid =
    typeof key === "object" &&
    key !== null &&
    Object.keys(key).sort().join() === names.join() &&
    Object.values(key).every((v) => typeof v === "string") &&
    (key as Record<string, unknown>).GSI2PK === `USER#${applicantId}`;
  if (!valid)
    throw problems.invalidCursor({ en: "The cursor is not one of this list", th: "ตัวชี้หน้านี้ไม่ใช่ของรายการนี้" });
  return key as Record<string, unknown>;
}
