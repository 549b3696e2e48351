import { type DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import type { IdempotencyStore, IdempotentResult } from "../../ports/idempotency-store";
import { keys, withoutKeys } from "./keys";

/** Idempotent results, written by DynamoDbApplicationStore.apply with the change they answer. */
export class DynamoDbIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getIdempotentResult(scope: string, key: string): Promise<IdempotentResult | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.idempotency(scope, key), ConsistentRead: true }),
    );
    // TTL deletes lazily (within days): an expired record still in the table is not honoured.
    if (!Item || (typeof Item.expiresAt === "number" && Item.expiresAt * 1000 < Date.now())) return undefined;
    const { expiresAt: _e, ...rest } = withoutKeys<IdempotentResult & { expiresAt?: number }>(Item);
    return rest;
  }
}
