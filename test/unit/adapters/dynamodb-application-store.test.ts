import { DynamoDBClient, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import {
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { DynamoDbApplicationStore } from "../../../shared/adapters/dynamodb/application-store";
import { indexAttributes, withoutKeys } from "../../../shared/adapters/dynamodb/keys";
import { DynamoDbLicenseRegister } from "../../../shared/adapters/dynamodb/license-register";
import { type ApplicationStatus, applicationStatuses } from "../../../shared/domain/application/status";
import type { ApplicationChange } from "../../../shared/domain/application/types";
import { DomainError } from "../../../shared/domain/errors";
import { type LicenseRecord, SequenceMoved } from "../../../shared/ports/license-register";
import { applicationIn } from "../domain/fixtures";

const ddb = mockClient(DynamoDBDocumentClient);
const store = new DynamoDbApplicationStore(
  DynamoDBDocumentClient.from(new DynamoDBClient({ region: "ap-southeast-1" })),
  "bizportal-test",
);
const register = new DynamoDbLicenseRegister(
  DynamoDBDocumentClient.from(new DynamoDBClient({ region: "ap-southeast-1" })),
  "bizportal-test",
);
beforeEach(() => ddb.reset());

const id = "01JNZ8Y7M3Q4R5S6T7V8W9X0YZ";
const at = "2026-03-02T04:00:00.000Z";
function changeOf(): ApplicationChange {
  const application = applicationIn("DOCS_COMPLETE", { version: 4, dueAt: "2026-04-01T09:30:00.000Z" });
  return {
    application,
    expectedVersion: 3,
    event: {
      applicationId: id,
      at,
      actor: { userId: "officer-1", role: "officer" },
      action: "confirm-complete",
      fromStatus: "SUBMITTED",
      toStatus: "DOCS_COMPLETE",
    },
  };
}

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

describe("DynamoDbApplicationStore.apply", () => {
  it("writes the application on the version condition, the event, and the step's outcome, in one transaction", async () => {
    ddb.on(TransactWriteCommand).resolves({});
    const outcome = {
      applicationId: id,
      round: 2,
      step: "completenessCheck" as const,
      action: "confirm-complete" as const,
      committedAt: at,
    };
    await store.apply(changeOf(), { outcome });

    expect(ddb.calls()).toHaveLength(1);
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items).toHaveLength(3);
    expect(items[0]?.Put).toMatchObject({
      TableName: "bizportal-test",
      ConditionExpression: "version = :expected",
      ExpressionAttributeValues: { ":expected": 3 },
      Item: {
        PK: `APP#${id}`,
        SK: "META",
        entity: "application",
        version: 4,
        status: "DOCS_COMPLETE",
        GSI3PK: "QUEUE#sao-khlong-dan#food-premises-over-200sqm-klong-dan#OFFICER",
        GSI3SK: `2026-04-01T09:30:00.000Z#${id}`,
        queueRow: { id, status: "DOCS_COMPLETE", dueAt: "2026-04-01T09:30:00.000Z" },
      },
    });
    expect(items[0]?.Put?.Item).not.toHaveProperty("GSI1PK");
    expect(items[1]?.Put).toMatchObject({
      TableName: "bizportal-test",
      ConditionExpression: "attribute_not_exists(PK)",
      Item: { PK: `APP#${id}`, SK: `EVT#${at}#000004`, entity: "event", action: "confirm-complete" },
    });
    // One outcome per round: a second commit of the same round could only be a bug, and fails.
    expect(items[2]).toEqual({
      Put: {
        TableName: "bizportal-test",
        Item: { PK: `APP#${id}`, SK: "OUTCOME#0002", entity: "outcome", ...outcome },
        ConditionExpression: "attribute_not_exists(PK)",
      },
    });
  });

  it("writes only the application and its event when the change ends no step", async () => {
    ddb.on(TransactWriteCommand).resolves({});
    await store.apply(changeOf());
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items.map((i) => Object.keys(i)[0])).toEqual(["Put", "Put"]);
  });

  it("adds the license record, which must not exist yet", async () => {
    ddb.on(TransactWriteCommand).resolves({});
    const license: LicenseRecord = {
      number: "KD-FOOD200-2569-000001",
      applicationId: id,
      licenseTypeId: "food-premises-over-200sqm-klong-dan",
      agencyId: "sao-khlong-dan",
      holderId: "applicant-1",
      businessName: "บริษัท ครัวคลองด่าน จำกัด",
      issuedAt: at,
      validUntil: "2027-03-02T04:00:00.000Z",
    };
    await store.apply(changeOf(), { license });
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items).toHaveLength(3);
    expect(items[2]?.Put).toEqual({
      TableName: "bizportal-test",
      Item: {
        PK: "LIC#KD-FOOD200-2569-000001",
        SK: "META",
        entity: "license",
        ...license,
        // In the expiry index until its holder is reminded to renew.
        GSI1PK: "LICENSES#EXPIRY",
        GSI1SK: "2027-03-02T04:00:00.000Z#KD-FOOD200-2569-000001",
      },
      ConditionExpression: "attribute_not_exists(PK)",
    });
  });

  it("maps a failed version condition to CONCURRENT_MODIFICATION", async () => {
    ddb.on(TransactWriteCommand).rejects(canceled("ConditionalCheckFailed", "None", "None"));
    const error = await rejectionOf(store.apply(changeOf()));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "CONCURRENT_MODIFICATION", kind: "conflict" });
  });

  it("names the version, not the outcome's key, when another change won the race", async () => {
    ddb
      .on(TransactWriteCommand)
      .rejects(canceled("ConditionalCheckFailed", "None", "ConditionalCheckFailed"));
    const error = await rejectionOf(store.apply(changeOf()));
    expect(error).toMatchObject({ code: "CONCURRENT_MODIFICATION", kind: "conflict" });
  });

  it("maps a transaction conflict with another writer to CONCURRENT_MODIFICATION", async () => {
    ddb.on(TransactWriteCommand).rejects(canceled("TransactionConflict", "None", "None"));
    const error = await rejectionOf(store.apply(changeOf()));
    expect(error).toMatchObject({ code: "CONCURRENT_MODIFICATION", kind: "conflict" });
  });

  it("keeps the cancelled transaction, with its reasons, as the cause of the conflict", async () => {
    const cancelled = canceled("None", "ConditionalCheckFailed", "None");
    ddb.on(TransactWriteCommand).rejects(cancelled);
    const error = (await rejectionOf(store.apply(changeOf()))) as DomainError;
    expect(error.code).toBe("CONCURRENT_MODIFICATION");
    expect(error.cause).toBe(cancelled);
    expect((error.cause as TransactionCanceledException).CancellationReasons).toEqual([
      { Code: "None" },
      { Code: "ConditionalCheckFailed" },
      { Code: "None" },
    ]);
    const moved = canceled("None", "None", "ConditionalCheckFailed");
    ddb.on(TransactWriteCommand).rejects(moved);
    const sequence = { scope: "KD-FOOD200-2569", value: 7 };
    expect(((await rejectionOf(store.apply(changeOf(), { sequence }))) as SequenceMoved).cause).toBe(moved);
  });

  it("advances a license-number sequence in the same transaction, only from the number before", async () => {
    ddb.on(TransactWriteCommand).resolves({});
    await store.apply(changeOf(), { sequence: { scope: "KD-FOOD200-2569", value: 7 } });
    await store.apply(changeOf(), { sequence: { scope: "KD-FOOD200-2570", value: 1 } });
    const [seven, one] = ddb
      .commandCalls(TransactWriteCommand)
      .map((c) => c.args[0].input.TransactItems![2]!.Update!);
    expect(seven).toMatchObject({
      Key: { PK: "SEQ#KD-FOOD200-2569", SK: "META" },
      UpdateExpression: "SET #v = :value",
      ConditionExpression: "#v = :previous",
      ExpressionAttributeValues: { ":value": 7, ":previous": 6 },
    });
    expect(one).toMatchObject({ ConditionExpression: "attribute_not_exists(PK)" });
  });

  it("says the sequence moved when only the sequence's condition failed, so the caller retries", async () => {
    ddb.on(TransactWriteCommand).rejects(canceled("None", "None", "ConditionalCheckFailed"));
    const error = await rejectionOf(
      store.apply(changeOf(), { sequence: { scope: "KD-FOOD200-2569", value: 7 } }),
    );
    expect(error).toBeInstanceOf(SequenceMoved);
    expect((error as SequenceMoved).scope).toBe("KD-FOOD200-2569");
    // Two issues writing the sequence at the same moment: DynamoDB cancels one with a conflict.
    ddb.on(TransactWriteCommand).rejects(canceled("None", "None", "TransactionConflict"));
    const conflict = await rejectionOf(
      store.apply(changeOf(), { sequence: { scope: "KD-FOOD200-2569", value: 7 } }),
    );
    expect(conflict).toBeInstanceOf(SequenceMoved);
  });

  it("says the sequence moved when two issues collide on the same new license number", async () => {
    const license = { number: "KD-FOOD200-2569-000007" } as LicenseRecord;
    ddb.on(TransactWriteCommand).rejects(canceled("None", "None", "None", "TransactionConflict", "None"));
    const error = await rejectionOf(
      store.apply(changeOf(), { license, sequence: { scope: "KD-FOOD200-2569", value: 7 } }),
    );
    expect(error).toBeInstanceOf(SequenceMoved);
    // The application's own version failing too is a lost race for the step, not for the number.
    ddb
      .on(TransactWriteCommand)
      .rejects(canceled("ConditionalCheckFailed", "None", "None", "None", "TransactionConflict"));
    const lost = await rejectionOf(
      store.apply(changeOf(), { license, sequence: { scope: "KD-FOOD200-2569", value: 7 } }),
    );
    expect(lost).toMatchObject({ code: "CONCURRENT_MODIFICATION" });
  });

  it("passes on other errors", async () => {
    const throttled = Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException" });
    ddb.on(TransactWriteCommand).rejects(throttled);
    expect(await rejectionOf(store.apply(changeOf()))).toBe(throttled);
  });
});

describe("DynamoDbApplicationStore.create", () => {
  it("writes a new application only if it does not exist", async () => {
    ddb.on(TransactWriteCommand).resolves({});
    const { application, event } = changeOf();
    await store.create(application, event);
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items[0]?.Put?.ConditionExpression).toBe("attribute_not_exists(PK)");
    expect(items).toHaveLength(2);
  });
});

describe("indexAttributes", () => {
  const outOfQueue: ApplicationStatus[] = ["DRAFT", "REJECTED", "COLLECTED", "RETURNED", "WITHDRAWN"];
  const lane = (s: ApplicationStatus) => (s === "FIX_REQUESTED" ? "APPLICANT" : "OFFICER");

  it.each(applicationStatuses.map((s) => [s, !outOfQueue.includes(s)] as const))(
    "%s in the officer queue (GSI3): %s",
    (status, inQueue) => {
      const attrs = indexAttributes(applicationIn(status, { dueAt: "2026-03-02T04:15:00.000Z" }));
      expect(attrs.GSI2PK).toBe("USER#applicant-1");
      expect(attrs.GSI2SK).toBe(`2026-03-02T03:00:00.000Z#${id}`);
      expect(attrs).not.toHaveProperty("GSI1PK");
      if (inQueue) {
        expect(attrs.GSI3PK).toBe(`QUEUE#sao-khlong-dan#food-premises-over-200sqm-klong-dan#${lane(status)}`);
        expect(attrs.GSI3SK).toBe(`2026-03-02T04:15:00.000Z#${id}`);
        expect(attrs.queueRow).toMatchObject({ id, status, dueAt: "2026-03-02T04:15:00.000Z" });
      } else {
        expect(Object.keys(attrs)).toEqual(["GSI2PK", "GSI2SK"]);
      }
    },
  );

  it("leaves the queue once the workflow is closed, whatever the status", () => {
    const closed = applicationIn("APPROVED", { closedAt: "2026-03-03T03:00:00.000Z" });
    expect(Object.keys(indexAttributes(closed))).toEqual(["GSI2PK", "GSI2SK"]);
  });

  it("sorts an application without a due time after every dated one", () => {
    expect(indexAttributes(applicationIn("APPROVED")).GSI3SK).toBe(`9999-12-31T23:59:59.999Z#${id}`);
  });

  it("reads an application back without its index attributes", () => {
    const app = applicationIn("SUBMITTED", { dueAt: "2026-03-02T04:15:00.000Z" });
    expect(
      withoutKeys({ PK: "APP#x", SK: "META", entity: "application", ...indexAttributes(app), ...app }),
    ).toEqual(app);
  });
});

describe("queries", () => {
  it("pages an applicant's list with an opaque cursor and refuses a cursor it did not make", async () => {
    const lastKey = {
      PK: "APP#A",
      SK: "META",
      GSI2PK: "USER#applicant-1",
      GSI2SK: "2026-03-02T03:00:00.000Z#A",
    };
    ddb
      .on(QueryCommand)
      .resolves({ Items: [{ PK: "APP#A", SK: "META", id: "A" }], LastEvaluatedKey: lastKey });
    const page = await store.listByApplicant("applicant-1", { limit: 1 });
    expect(page.items).toEqual([{ id: "A" }]);
    await store.listByApplicant("applicant-1", { limit: 1, cursor: page.cursor! });
    expect(ddb.commandCalls(QueryCommand)[1]!.args[0].input.ExclusiveStartKey).toEqual(lastKey);
    const encoded = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    for (const cursor of [
      "bm90IGpzb24",
      encoded(null),
      encoded({ PK: "APP#A" }),
      encoded({ ...lastKey, GSI2PK: "USER#applicant-2" }),
      encoded({ ...lastKey, extra: "x" }),
    ])
      expect(await rejectionOf(store.listByApplicant("applicant-1", { limit: 1, cursor }))).toMatchObject({
        code: "INVALID_CURSOR",
        kind: "validation",
      });
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(2);
  });

  it("reads a sequence's last number consistently, 0 before the first", async () => {
    ddb.on(GetCommand, { Key: { PK: "SEQ#KD-FOOD200-2569", SK: "META" } }).resolves({ Item: { value: 42 } });
    ddb.on(GetCommand, { Key: { PK: "SEQ#KD-NEW-2569", SK: "META" } }).resolves({});
    expect(await register.currentSequence("KD-FOOD200-2569")).toBe(42);
    expect(await register.currentSequence("KD-NEW-2569")).toBe(0);
    expect(ddb.commandCalls(GetCommand)[0]!.args[0].input.ConsistentRead).toBe(true);
  });
});
