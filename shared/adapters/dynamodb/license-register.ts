import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { LicenseRecord } from "../../domain/license";
import type { LicenseRegister } from "../../ports/license-register";
import { licenseExpiryPartition, licenseItem, withoutKeys } from "./keys";

export class DynamoDbLicenseRegister implements LicenseRegister {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

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
