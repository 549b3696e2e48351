import { type DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { DocumentRecord, DocumentRegistry } from "../../ports/document-store";
import { keys, withoutKeys } from "./keys";

export class DynamoDbDocumentRegistry implements DocumentRegistry {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(record: DocumentRecord): Promise<void> {
    // The same bytes uploaded again are the same document: keep the first record.
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.document(record.ownerId, record.sha256), entity: "document", ...record },
          ConditionExpression: "attribute_not_exists(PK)",
        }),
      );
    } catch (error) {
      if ((error as Error).name !== "ConditionalCheckFailedException") throw error;
    }
  }

  async get(ownerId: string, sha256: string): Promise<DocumentRecord | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.document(ownerId, sha256) }),
    );
    return Item ? withoutKeys<DocumentRecord>(Item) : undefined;
  }
}
