import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { problems } from "../../domain/errors";
import type { OfficerAccount } from "../../domain/officers/officer-account";
import type { OfficerDirectory } from "../../ports/officer-directory";
import { keys, withoutKeys } from "./keys";

type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

/**
 * Officer accounts in the single table, beside the agency's other items: `AGENCY#<id>` /
 * `OFFICER#<userId>`, plus one `NATID#<nationalId>` claim item per account written in the same
 * transaction, because DynamoDB has no unique constraint other than the primary key.
 */
export class DynamoDbOfficerDirectory implements OfficerDirectory {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(agencyId: string, userId: string): Promise<OfficerAccount | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.officer(agencyId, userId),
        ConsistentRead: true,
      }),
    );
    return Item ? withoutKeys<OfficerAccount>(Item) : undefined;
  }

  async put(account: OfficerAccount, previous?: OfficerAccount): Promise<void> {
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.tableName,
          Item: { ...keys.officer(account.agencyId, account.userId), entity: "officer", ...account },
          ...(previous
            ? {
                ConditionExpression: "version = :expected",
                ExpressionAttributeValues: { ":expected": previous.version },
              }
            : { ConditionExpression: "attribute_not_exists(PK)" }),
        },
      },
      {
        // Re-put on every change (not only when the ID changes): it also heals a missing claim.
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.officerNationalId(account.agencyId, account.nationalId),
            entity: "officerNationalId",
            agencyId: account.agencyId,
            nationalId: account.nationalId,
            userId: account.userId,
          },
          ConditionExpression: "attribute_not_exists(PK) OR userId = :user",
          ExpressionAttributeValues: { ":user": account.userId },
        },
      },
    ];
    if (previous && previous.nationalId !== account.nationalId)
      items.push({
        Delete: {
          TableName: this.tableName,
          Key: keys.officerNationalId(previous.agencyId, previous.nationalId),
          ConditionExpression: "attribute_not_exists(PK) OR userId = :user",
          ExpressionAttributeValues: { ":user": account.userId },
        },
      });
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const codes = (error.CancellationReasons ?? []).map((r) => r.Code);
      // The account's own condition first: if the version moved, the rest of the change is moot.
      // Each mapped error keeps the cancelled transaction (with its reasons) as its cause.
      if (codes[0] === "ConditionalCheckFailed") throw problems.officerAccountChanged({ cause: error });
      if (codes[1] === "ConditionalCheckFailed") throw problems.nationalIdInUse({ cause: error });
      // A claim of the old ID held by someone else, or another transaction on the same items.
      if (codes.some((c) => c === "ConditionalCheckFailed" || c === "TransactionConflict"))
        throw problems.officerAccountChanged({ cause: error });
      throw error;
    }
  }

  async listByAgency(agencyId: string): Promise<OfficerAccount[]> {
    const accounts: OfficerAccount[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: "PK = :pk AND begins_with(SK, :officer)",
          ExpressionAttributeValues: { ":pk": `AGENCY#${agencyId}`, ":officer": "OFFICER#" },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      accounts.push(...(page.Items ?? []).map((i) => withoutKeys<OfficerAccount>(i)));
      start = page.LastEvaluatedKey;
    } while (start);
    return accounts;
  }
}
