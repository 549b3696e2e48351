import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { problems } from "../../domain/errors";
import type {
  DocumentPage,
  DocumentRecord,
  DocumentRegistry,
  PendingUpload,
} from "../../ports/document-store";
import { keys, withoutKeys } from "./keys";

/**
 * A pending upload is only needed until it is attached: the table's TTL removes it after two days
 * (the upload link itself lives 15 minutes; the bucket's lifecycle removes unattached uploads too).
 */
const pendingUploadTtlSeconds = 2 * 24 * 60 * 60;

/** Enough to find the upload an applicant just made, even after asking for a link a few times. */
const pendingUploadsRead = 10;

export class DynamoDbDocumentRegistry implements DocumentRegistry {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(record: DocumentRecord): Promise<DocumentRecord> {
    // The same bytes verified again are the same document: the first record holds, and whoever lost
    // a race gets it back, so every application refers to one set of bytes.
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.document(record.ownerId, record.sha256), entity: "document", ...record },
          ConditionExpression: "attribute_not_exists(PK)",
        }),
      );
      return record;
    } catch (error) {
      if ((error as Error).name !== "ConditionalCheckFailedException") throw error;
      const existing = await this.get(record.ownerId, record.sha256);
      if (!existing) throw error;
      return existing;
    }
  }

  async get(ownerId: string, sha256: string): Promise<DocumentRecord | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.document(ownerId, sha256),
        ConsistentRead: true,
      }),
    );
    return Item ? withoutKeys<DocumentRecord>(Item) : undefined;
  }

  async list(ownerId: string, page: { limit: number; cursor?: string }): Promise<DocumentPage> {
    const { Items = [], LastEvaluatedKey } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: "PK = :pk AND begins_with(SK, :prefix)",
        ExpressionAttributeValues: { ":pk": `USER#${ownerId}`, ":prefix": "DOC#" },
        Limit: page.limit,
        ExclusiveStartKey: page.cursor ? decodeCursor(page.cursor, ownerId) : undefined,
      }),
    );
    const result: DocumentPage = { items: Items.map((item) => withoutKeys<DocumentRecord>(item)) };
    if (LastEvaluatedKey)
      result.cursor = Buffer.from(String(LastEvaluatedKey.SK).slice(4)).toString("base64url");
    return result;
  }

  async putUpload(upload: PendingUpload): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.upload(upload.ownerId, upload.sha256, upload.uploadId),
          entity: "pending-upload",
          ...upload,
          expiresAt: Math.floor(Date.now() / 1000) + pendingUploadTtlSeconds,
        },
        ConditionExpression: "attribute_not_exists(PK)",
      }),
    );
  }

  async uploadsFor(ownerId: string, sha256: string): Promise<PendingUpload[]> {
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: "PK = :pk AND begins_with(SK, :prefix)",
        ExpressionAttributeValues: { ":pk": `USER#${ownerId}`, ":prefix": `UPLOAD#${sha256}#` },
        ScanIndexForward: false,
        Limit: pendingUploadsRead,
        ConsistentRead: true,
      }),
    );
    return Items.map((item) => {
      const { expiresAt: _ttl, ...upload } = withoutKeys<PendingUpload & { expiresAt?: number }>(item);
      return upload;
    });
  }
}

/**
 * The cursor is the last digest of the page: only a digest is passed on to DynamoDB, so an altered
 * cursor is a 400, never another owner's partition or a ValidationException.
 */
function decodeCursor(cursor: string, ownerId: string): Record<string, string> {
  const sha256 = Buffer.from(cursor, "base64url").toString("utf8");
  if (!/^[a-f0-9]{64}$/.test(sha256))
    throw problems.invalidCursor({ en: "The cursor is not one of this list", th: "ตัวชี้หน้านี้ไม่ใช่ของรายการนี้" });
  return keys.document(ownerId, sha256);
}
