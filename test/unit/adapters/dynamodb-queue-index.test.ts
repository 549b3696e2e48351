import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, QueryCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { DynamoDbOfficerQueue, queueSortKey } from "../../../shared/adapters/dynamodb/queue-index";
import { compareQueue, type QueueRow } from "../../../shared/domain/application/queue";
import type { QueueQuery } from "../../../shared/ports/officer-queue";

const ddb = mockClient(DynamoDBDocumentClient);
const store = new DynamoDbOfficerQueue(
  DynamoDBDocumentClient.from(new DynamoDBClient({ region: "ap-southeast-1" })),
  "bizportal-test",
);
beforeEach(() => ddb.reset());

const food = "food-premises-over-200sqm-klong-dan";
const fuel = "fuel-station-license-klong-dan";
const partition = (type: string, lane = "OFFICER") => `QUEUE#sao-khlong-dan#${type}#${lane}`;
const ulid = (n: number) => `01JQ${String(n).padStart(22, "0")}`;
const due = (hour: number) => new Date(Date.UTC(2026, 2, 2, hour)).toISOString();

function row(n: number, dueAt: string | null, status: QueueRow["status"] = "SUBMITTED"): QueueRow {
  return {
    id: ulid(n),
    licenseTypeId: food,
    caseType: "new",
    status,
    businessName: "ร้าน",
    licenseNumber: null,
    submittedAt: null,
    dueAt,
    decisionDueAt: null,
    overdueSince: null,
  };
}
/** An index item as the Query's projection returns it: the row only. */
const item = (r: QueueRow) => ({ queueRow: r });

const query = (q: Partial<QueueQuery> = {}): QueueQuery => ({
  agencyId: "sao-khlong-dan",
  licenseTypeIds: [food, fuel],
  statuses: [
    "SUBMITTED",
    "RESUBMITTED",
    "DOCS_COMPLETE",
    "INSPECTION_SCHEDULED",
    "UNDER_REVIEW",
    "APPROVED",
    "PAYMENT_CONFIRMED",
    "LICENSE_ISSUED",
  ],
  limit: 3,
  ...q,
});

const inputs = () => ddb.commandCalls(QueryCommand).map((c) => c.args[0].input);

describe("the officer queue on the queue index", () => {
  it("queries one partition per assigned license type, each for limit + 1 rows, and merges them by due time", async () => {
    ddb
      .on(QueryCommand, { ExpressionAttributeValues: { ":pk": partition(food) } })
      .resolves({ Items: [row(1, due(1)), row(3, due(3)), row(5, due(5)), row(7, due(7))].map(item) })
      .on(QueryCommand, { ExpressionAttributeValues: { ":pk": partition(fuel) } })
      .resolves({ Items: [row(2, due(2)), row(4, due(4))].map(item) });
    const page = await store.queuePage(query());
    expect(page.rows.map((r) => r.id)).toEqual([ulid(1), ulid(2), ulid(3)]);
    expect(page.more).toBe(true);
    expect(inputs()).toHaveLength(2);
    for (const input of inputs())
      expect(input).toMatchObject({
        TableName: "bizportal-test",
        IndexName: "GSI3",
        KeyConditionExpression: "#pk = :pk",
        ProjectionExpression: "#row",
        ExpressionAttributeNames: { "#pk": "GSI3PK", "#row": "queueRow" },
        Limit: 4,
      });
    expect(inputs().some((i) => i.FilterExpression)).toBe(false);
    expect(ddb.commandCalls(ScanCommand)).toHaveLength(0);
  });

  it("starts every partition after the cursor's position", async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });
    const page = await store.queuePage(query({ after: { dueAt: due(3), id: ulid(3) } }));
    expect(page).toEqual({ rows: [], more: false });
    for (const input of inputs()) {
      expect(input.KeyConditionExpression).toBe("#pk = :pk AND #sk > :after");
      expect(input.ExpressionAttributeNames).toMatchObject({ "#sk": "GSI3SK" });
      expect(input.ExpressionAttributeValues).toMatchObject({ ":after": `${due(3)}#${ulid(3)}` });
    }
  });

  it("says there is no more when every partition ran out within the page", async () => {
    ddb
      .on(QueryCommand, { ExpressionAttributeValues: { ":pk": partition(food) } })
      .resolves({ Items: [row(1, due(1)), row(3, due(3))].map(item) })
      .on(QueryCommand, { ExpressionAttributeValues: { ":pk": partition(fuel) } })
      .resolves({ Items: [row(2, null)].map(item) });
    const page = await store.queuePage(query());
    expect(page.rows.map((r) => r.id)).toEqual([ulid(1), ulid(3), ulid(2)]);
    expect(page.more).toBe(false);
  });

  it("filters a status within its lane and reads on until the page is full", async () => {
    ddb
      .on(QueryCommand)
      .resolvesOnce({ Items: [row(1, due(1), "APPROVED")].map(item), LastEvaluatedKey: { k: 1 } })
      .resolvesOnce({
        Items: [row(4, due(4), "APPROVED"), row(6, due(6), "APPROVED")].map(item),
        LastEvaluatedKey: { k: 2 },
      })
      .resolvesOnce({ Items: [row(8, due(8), "APPROVED")].map(item), LastEvaluatedKey: { k: 3 } });
    const page = await store.queuePage(query({ licenseTypeIds: [food], statuses: ["APPROVED"] }));
    expect(page.rows.map((r) => r.id)).toEqual([ulid(1), ulid(4), ulid(6)]);
    expect(page.more).toBe(true);
    expect(inputs()).toHaveLength(3);
    expect(inputs()[0]).toMatchObject({
      ExpressionAttributeValues: { ":pk": partition(food), ":s0": "APPROVED" },
      ExpressionAttributeNames: { "#status": "status" },
      FilterExpression: "#row.#status IN (:s0)",
      Limit: 100,
    });
    expect(inputs()[1]!.ExclusiveStartKey).toEqual({ k: 1 });
    expect(inputs()[2]!.ExclusiveStartKey).toEqual({ k: 2 });
  });

  it("reads the applicant's lane for FIX_REQUESTED, and nothing for a status never queued", async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });
    await store.queuePage(query({ licenseTypeIds: [food], statuses: ["FIX_REQUESTED"] }));
    expect(inputs().map((i) => [i.ExpressionAttributeValues?.[":pk"], i.FilterExpression])).toEqual([
      [partition(food, "APPLICANT"), undefined],
    ]);
    ddb.reset();
    expect(await store.queuePage(query({ statuses: ["DRAFT"] }))).toEqual({ rows: [], more: false });
    expect(await store.queuePage(query({ statuses: ["COLLECTED"] }))).toEqual({ rows: [], more: false });
    expect(ddb.calls()).toHaveLength(0);
  });

  it("sorts its keys in exactly the domain's queue order", () => {
    const rows = [
      row(9, null),
      row(2, due(5)),
      row(1, due(5)),
      row(4, null),
      row(3, due(0)),
      row(8, due(23)),
    ];
    const byKey = [...rows].sort((a, b) => (queueSortKey(a) < queueSortKey(b) ? -1 : 1));
    expect(byKey).toEqual([...rows].sort(compareQueue));
  });
});
