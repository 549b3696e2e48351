import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { LicenseRecord } from "../../domain/license";
import type { LicenseRegister } from "../../ports/license-register";
import { keys, licenseExpiryPartition, licenseItem, withoutKeys } from "./keys";

/** Licenses and their number sequences, written by DynamoDbApplicationStore.apply with each change. */
export class DynamoDbLicenseRegister implements LicenseRegister {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getLicense(number: string): Promise<LicenseRecord | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.license(number) }),
    );
    return Item ? withoutKeys<LicenseRecord>(Item) : undefined;
  }

  async currentSequence(scope: string): Promise<number> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.sequence(scope), ConsistentRead: true }),
    );
    return Number(Item?.value ?? 0);
  }

  async expiringBefore(instant: Date, limit: number): Promise<LicenseRecord[]> {
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: "GSI1",
        KeyConditionExpression: "GSI1PK = :pk AND GSI1SK < :until",
        ExpressionAttributeValues: { ":pk": licenseExpiryPartition, ":until": `${instant.toISOString()}~` },
        Limit: limit,
      }),
    );
    return Items.map((i) => withoutKeys<LicenseRecord>(i));
  }

  async markReminded(license: LicenseRecord): Promise<boolean> {
    const version = license.version ?? 0;
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: licenseItem({
            ...license,
            renewalReminderFor: license.validUntil ?? undefined,
            version: version + 1,
          }),
          ConditionExpression:
            version === 0 ? "attribute_exists(PK) AND attribute_not_exists(version)" : "version = :v",
          ExpressionAttributeValues: version === 0 ? undefined : { ":v": version },
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === "ConditionalCheckFailedException") return false;
      throw error;
    }
  }
}
