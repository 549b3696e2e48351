import { DynamoDBClient, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import {
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { DynamoDbOfficerDirectory } from "../../../shared/adapters/dynamodb/officer-directory";
import { DomainError } from "../../../shared/domain/errors";
import { accountOf } from "../../support/fake-officer-directory";

const ddb = mockClient(DynamoDBDocumentClient);
const directory = new DynamoDbOfficerDirectory(
  DynamoDBDocumentClient.from(new DynamoDBClient({ region: "ap-southeast-1" })),
  "bizportal-test",
);
beforeEach(() => ddb.reset());

const account = accountOf("officer-1");
const canceled = (...codes: string[]) =>
  new TransactionCanceledException({
    $metadata: {},
    message: "Transaction cancelled",
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("Expected the promise to reject");
}

describe("DynamoDbOfficerDirectory", () => {
  it("reads an account consistently under AGENCY#/OFFICER# and strips the keys", async () => {
    ddb.on(GetCommand).resolves({
      Item: { PK: "AGENCY#sao-khlong-dan", SK: "OFFICER#officer-1", entity: "officer", ...account },
    });
    expect(await directory.get("sao-khlong-dan", "officer-1")).toEqual(account);
    expect(ddb.commandCalls(GetCommand)[0]!.args[0].input).toEqual({
      TableName: "bizportal-test",
      Key: { PK: "AGENCY#sao-khlong-dan", SK: "OFFICER#officer-1" },
      ConsistentRead: true,
    });
    ddb.on(GetCommand).resolves({});
    expect(await directory.get("sao-khlong-dan", "nobody")).toBeUndefined();
  });

  it("creates the account and claims its national ID in one transaction", async () => {
    ddb.on(TransactWriteCommand).resolves({});
    await directory.put(account);
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items).toHaveLength(2);
    expect(items[0]!.Put).toEqual({
      TableName: "bizportal-test",
      Item: { PK: "AGENCY#sao-khlong-dan", SK: "OFFICER#officer-1", entity: "officer", ...account },
      ConditionExpression: "attribute_not_exists(PK)",
    });
    expect(items[1]!.Put).toEqual({
      TableName: "bizportal-test",
      Item: {
        PK: "AGENCY#sao-khlong-dan",
        SK: "NATID#3101200123453",
        entity: "officerNationalId",
        agencyId: "sao-khlong-dan",
        nationalId: "3101200123453",
        userId: "officer-1",
      },
      ConditionExpression: "attribute_not_exists(PK) OR userId = :user",
      ExpressionAttributeValues: { ":user": "officer-1" },
    });
  });

  it("updates on the previous version, and releases the old national ID when it changes", async () => {
    ddb.on(TransactWriteCommand).resolves({});
    await directory.put({ ...account, version: 2, licenseTypeIds: [] }, account);
    let items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items).toHaveLength(2);
    expect(items[0]!.Put).toMatchObject({
      ConditionExpression: "version = :expected",
      ExpressionAttributeValues: { ":expected": 1 },
      Item: { version: 2, licenseTypeIds: [] },
    });

    ddb.resetHistory();
    await directory.put({ ...account, version: 2, nationalId: "1102000123454" }, account);
    items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items.map((i) => Object.keys(i)[0])).toEqual(["Put", "Put", "Delete"]);
    expect(items[1]!.Put!.Item).toMatchObject({ SK: "NATID#1102000123454", userId: "officer-1" });
    expect(items[2]!.Delete).toEqual({
      TableName: "bizportal-test",
      Key: { PK: "AGENCY#sao-khlong-dan", SK: "NATID#3101200123453" },
      ConditionExpression: "attribute_not_exists(PK) OR userId = :user",
      ExpressionAttributeValues: { ":user": "officer-1" },
    });
  });

  it.each([
    [["ConditionalCheckFailed", "None"], "CONCURRENT_MODIFICATION", "conflict"],
    [["ConditionalCheckFailed", "ConditionalCheckFailed"], "CONCURRENT_MODIFICATION", "conflict"],
    [["None", "ConditionalCheckFailed"], "NATIONAL_ID_IN_USE", "conflict"],
    [["None", "None", "ConditionalCheckFailed"], "CONCURRENT_MODIFICATION", "conflict"],
    [["TransactionConflict", "None"], "CONCURRENT_MODIFICATION", "conflict"],
  ])("maps a transaction cancelled with %j to %s", async (codes, code, kind) => {
    ddb.on(TransactWriteCommand).rejects(canceled(...codes));
    const error = await rejectionOf(directory.put({ ...account, version: 2 }, account));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code, kind });
    // The cancelled transaction, with its reasons, survives as the cause.
    expect((error as DomainError).cause).toBeInstanceOf(TransactionCanceledException);
  });

  it("lets other failures through", async () => {
    ddb.on(TransactWriteCommand).rejects(canceled("ValidationError"));
    expect(await rejectionOf(directory.put(account))).toBeInstanceOf(TransactionCanceledException);
    ddb.on(TransactWriteCommand).rejects(new Error("network down"));
    expect(await rejectionOf(directory.put(account))).toMatchObject({ message: "network down" });
  });

  it("lists the agency's accounts page by page, without the national ID claims", async () => {
    const other = accountOf("officer-2", { nationalId: "1102000123454" });
    ddb
      .on(QueryCommand)
      .resolvesOnce({
        Items: [{ PK: "AGENCY#sao-khlong-dan", SK: "OFFICER#officer-1", entity: "officer", ...account }],
        LastEvaluatedKey: { PK: "AGENCY#sao-khlong-dan", SK: "OFFICER#officer-1" },
      })
      .resolvesOnce({
        Items: [{ PK: "AGENCY#sao-khlong-dan", SK: "OFFICER#officer-2", entity: "officer", ...other }],
      });
    expect(await directory.listByAgency("sao-khlong-dan")).toEqual([account, other]);
    const calls = ddb.commandCalls(QueryCommand).map((c) => c.args[0].input);
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({
      KeyConditionExpression: "PK = :pk AND begins_with(SK, :officer)",
      ExpressionAttributeValues: { ":pk": "AGENCY#sao-khlong-dan", ":officer": "OFFICER#" },
      ConsistentRead: true,
    });
    expect(calls[1]!.ExclusiveStartKey).toEqual({ PK: "AGENCY#sao-khlong-dan", SK: "OFFICER#officer-1" });
  });
});
