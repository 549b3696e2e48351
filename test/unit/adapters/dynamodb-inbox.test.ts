import { ConditionalCheckFailedException, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { DynamoDbInbox } from "../../../shared/adapters/dynamodb/inbox";
import type { Notification } from "../../../shared/ports/event-publisher";

const db = mockClient(DynamoDBDocumentClient);
const inbox = new DynamoDbInbox(
  DynamoDBDocumentClient.from(new DynamoDBClient({ region: "ap-southeast-7" })),
  "t",
);
beforeEach(() => db.reset());

const notice: Notification = {
  id: "01JNZ8Y7M3Q4R5S6T7V8W9X0YZ:2:fixRequested",
  kind: "fixRequested",
  applicationId: "01JNZ8Y7M3Q4R5S6T7V8W9X0YZ",
  licenseTypeId: "food-premises-over-200sqm-klong-dan",
  agencyId: "sao-khlong-dan",
  applicantId: "applicant-1",
  status: "FIX_REQUESTED",
  at: "2026-03-02T04:00:00.000Z",
  messageTh: "กรุณาแก้ไขเอกสาร",
  messageEn: "Please fix the documents",
};
const applicant = { userId: "applicant-1", role: "applicant" as const, copy: false };
const conditionFailed = () => new ConditionalCheckFailedException({ message: "exists", $metadata: {} });

describe("DynamoDbInbox", () => {
  it("puts one item per recipient, keyed by the notice id, only if absent, listed by time on GSI1", async () => {
    db.on(PutCommand).resolves({});
    await inbox.deliver(notice, [applicant, { userId: "opdc-1", role: "opdc", copy: true }]);
    const puts = db.commandCalls(PutCommand).map((c) => c.args[0].input);
    expect(
      puts.map((p) => [p.Item?.PK, p.Item?.SK, p.Item?.GSI1PK, p.Item?.GSI1SK, p.ConditionExpression]),
    ).toEqual([
      [
        "USER#applicant-1",
        `NOTICE#${notice.id}`,
        "INBOX#applicant-1",
        `${notice.at}#${notice.id}`,
        "attribute_not_exists(PK)",
      ],
      [
        "USER#opdc-1",
        `NOTICE#${notice.id}`,
        "INBOX#opdc-1",
        `${notice.at}#${notice.id}`,
        "attribute_not_exists(PK)",
      ],
    ]);
  });

  it("delivers a notice already held again without error and without change (same id)", async () => {
    db.on(PutCommand).rejects(conditionFailed());
    await expect(inbox.deliver(notice, [applicant])).resolves.toBeUndefined();
  });

  it("lists newest first from the user's own partition, with a cursor that stays in it", async () => {
    db.on(QueryCommand).resolves({
      Items: [{ PK: "USER#applicant-1", SK: `NOTICE#${notice.id}`, id: notice.id, at: notice.at }],
      LastEvaluatedKey: { GSI1SK: `${notice.at}#${notice.id}` },
    });
    const page = await inbox.list("applicant-1", { limit: 1 });
    expect(page.items).toEqual([{ id: notice.id, at: notice.at }]);
    await inbox.list("applicant-1", { limit: 1, cursor: page.cursor! });
    const [first, second] = db.commandCalls(QueryCommand).map((c) => c.args[0].input);
    expect(first).toMatchObject({
      IndexName: "GSI1",
      ScanIndexForward: false,
      ExpressionAttributeValues: { ":pk": "INBOX#applicant-1" },
    });
    expect(second?.ExclusiveStartKey).toEqual({
      PK: "USER#applicant-1",
      SK: `NOTICE#${notice.id}`,
      GSI1PK: "INBOX#applicant-1",
      GSI1SK: `${notice.at}#${notice.id}`,
    });
  });

  it("refuses an altered cursor with 400 INVALID_CURSOR", async () => {
    await expect(inbox.list("applicant-1", { limit: 1, cursor: "bm9wZQ" })).rejects.toMatchObject({
      code: "INVALID_CURSOR",
      kind: "validation",
    });
  });

  it("marks read once (keeping the first time) and finds nothing outside the user's inbox", async () => {
    db.on(UpdateCommand).resolvesOnce({ Attributes: { PK: "x", SK: "y", id: notice.id, readAt: "t1" } });
    expect(await inbox.markRead("applicant-1", notice.id, "t1")).toEqual({ id: notice.id, readAt: "t1" });
    expect(db.commandCalls(UpdateCommand)[0]?.args[0].input).toMatchObject({
      Key: { PK: "USER#applicant-1", SK: `NOTICE#${notice.id}` },
      UpdateExpression: "SET readAt = if_not_exists(readAt, :at)",
      ConditionExpression: "attribute_exists(PK)",
    });
    db.on(UpdateCommand).rejects(conditionFailed());
    expect(await inbox.markRead("applicant-2", notice.id, "t2")).toBeUndefined();
  });
});
