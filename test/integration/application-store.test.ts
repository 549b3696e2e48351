import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureTable } from "../../infra/local/local-table";
import { startDynamoDbLocal } from "../../infra/local/services/dynamodb-local";
import { DynamoDbApplicationStore } from "../../shared/adapters/dynamodb/application-store";
import { DynamoDbLicenseRegister } from "../../shared/adapters/dynamodb/license-register";
import { DynamoDbOfficerQueue } from "../../shared/adapters/dynamodb/queue-index";
import { DynamoDbWorkflowProgress } from "../../shared/adapters/dynamodb/workflow-progress";
import { findLicenseType } from "../../shared/catalog";
import type { Actor } from "../../shared/domain/actor";
import { ApplicationDeadlines } from "../../shared/domain/application/deadlines";
import { change, createDraft, submit, updateDraft } from "../../shared/domain/application/lifecycle";
import type { QueuePosition, QueueRow } from "../../shared/domain/application/queue";
import { officerQueueStatuses } from "../../shared/domain/application/status";
import type { Application } from "../../shared/domain/application/types";
import { SequenceMoved } from "../../shared/ports/license-register";
import type { QueueQuery } from "../../shared/ports/officer-queue";
import { completeFoodForm, foodLicenseTypeId } from "../support/api-client";

/** The DynamoDB adapter against DynamoDB Local: transactions, version conditions, the queue index. */
describe("DynamoDbApplicationStore on DynamoDB Local", () => {
  let stop: () => Promise<void>;
  let store: DynamoDbApplicationStore;
  let queue: DynamoDbOfficerQueue;
  let register: DynamoDbLicenseRegister;
  let db: DynamoDBDocumentClient;
  let client: DynamoDBClient;
  const licenseType = findLicenseType(foodLicenseTypeId)!;
  const applicant: Actor = { userId: "user-1", roles: ["applicant"] };
  const deadlines = new ApplicationDeadlines();

  beforeAll(async () => {
    const dynamo = await startDynamoDbLocal();
    stop = dynamo.stop;
    client = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: "ap-southeast-7",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });
    await ensureTable(client, "store-test");
    db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    store = new DynamoDbApplicationStore(db, "store-test");
    queue = new DynamoDbOfficerQueue(db, "store-test");
    register = new DynamoDbLicenseRegister(db, "store-test");
  });
  afterAll(() => stop?.());

  async function submitted(id: string, at: string): Promise<Application> {
    const draft = createDraft({ id, licenseType, applicant, formData: completeFoodForm, now: new Date(at) });
    await store.create(draft.application, draft.event);
    const app: Application = {
      ...draft.application,
      documents: Object.fromEntries(
        licenseType.manual.documents.map((d) => [
          d.key,
          {
            sha256: "a".repeat(64),
            fileName: "x.pdf",
            contentType: "application/pdf",
            size: 1,
            attachedAt: at,
          },
        ]),
      ),
    };
    const change = submit(app, licenseType, applicant, new Date(at), deadlines);
    await store.apply({ ...change, expectedVersion: draft.application.version });
    return change.application;
  }

  it("writes a change and its event together, and refuses a stale version", async () => {
    const { application, event } = createDraft({
      id: "01JDRAFT0000000000000000A1",
      licenseType,
      applicant,
      formData: {},
      now: new Date("2026-03-02T03:00:00Z"),
    });
    await store.create(application, event);
    await expect(store.create(application, event)).rejects.toMatchObject({ code: "CONCURRENT_MODIFICATION" });
    const first = updateDraft(
      application,
      licenseType,
      { businessName: "A" },
      applicant,
      new Date("2026-03-02T03:01:00Z"),
    );
    const second = updateDraft(
      application,
      licenseType,
      { businessName: "B" },
      applicant,
      new Date("2026-03-02T03:01:00Z"),
    );
    await store.apply(first);
    await expect(store.apply(second)).rejects.toMatchObject({ code: "CONCURRENT_MODIFICATION" });
    expect((await store.get(application.id))?.formData.businessName).toBe("A");
    expect((await store.history(application.id)).map((e) => e.action)).toEqual(["create", "update-form"]);
  });

  it("commits one outcome per round: a second commit of the same round changes nothing", async () => {
    const app = await submitted("01JTASK00000000000000000B1", "2026-03-02T03:00:00Z");
    const outcome = {
      applicationId: app.id,
      round: 1,
      step: "completenessCheck" as const,
      action: "confirm-complete" as const,
      committedAt: "2026-03-02T04:00:00.000Z",
    };
    const change = {
      application: { ...app, status: "DOCS_COMPLETE" as const, version: app.version + 1 },
      expectedVersion: app.version,
      event: {
        applicationId: app.id,
        at: "2026-03-02T04:00:00Z",
        actor: { userId: "o", role: "officer" },
        action: "confirm-complete",
        fromStatus: app.status,
        toStatus: "DOCS_COMPLETE" as const,
      },
    };
    await store.apply(change, { outcome });
    const progress = new DynamoDbWorkflowProgress(db, "store-test");
    expect(await progress.outcome(app.id, 1)).toEqual(outcome);
    const again = {
      ...change,
      application: { ...change.application, version: change.application.version + 1 },
      expectedVersion: change.application.version,
      event: { ...change.event, at: "2026-03-02T04:00:01Z" },
    };
    await expect(
      store.apply(again, { outcome: { ...outcome, action: "request-fix" } }),
    ).rejects.toMatchObject({
      code: "CONCURRENT_MODIFICATION",
    });
    expect((await store.get(app.id))?.version).toBe(change.application.version);
    expect(await progress.outcome(app.id, 1)).toEqual(outcome);
  });

  describe("the officer queue (GSI3)", () => {
    // An agency of its own, so the applications of the other tests stay out of these queues.
    const agencyId = "sao-queue-test";
    const fuel = "fuel-station-license-klong-dan";
    const ulid = (n: number) => `01JQ${String(n).padStart(22, "0")}`;
    const day = (d: number, hour: number) => new Date(Date.UTC(2026, 2, 2 + d, hour - 7)).toISOString();
    const statuses = officerQueueStatuses;
    let base: Application;

    async function put(n: number, overrides: Partial<Application>): Promise<void> {
      const app: Application = { ...base, id: ulid(n), agencyId, ...overrides };
      await store.create(app, {
        applicationId: app.id,
        at: app.updatedAt,
        actor: { userId: "seed", role: "system" },
        action: "seed",
        fromStatus: null,
        toStatus: app.status,
      });
    }

    async function allPages(query: Omit<QueueQuery, "after">) {
      const pages: QueueRow[][] = [];
      let after: QueuePosition | undefined;
      for (;;) {
        const page = await queue.queuePage({ ...query, after });
        pages.push(page.rows);
        if (!page.more) return pages;
        after = page.rows.at(-1);
      }
    }

    beforeAll(async () => {
      base = await submitted("01JQ0000000000000000000000", "2026-03-02T03:00:00Z");
      for (let k = 0; k < 7; k++) {
        await put(100 + k, { dueAt: day(k, 10) });
        await put(200 + k, { licenseTypeId: fuel, dueAt: day(k, 9) });
      }
      await put(300, { status: "APPROVED", dueAt: undefined });
      await put(301, { status: "FIX_REQUESTED", dueAt: day(2, 12) });
      await put(302, { status: "APPROVED", dueAt: day(0, 8), closedAt: day(0, 8) });
      await put(303, { status: "DRAFT", dueAt: day(0, 8) });
      await put(304, { status: "REJECTED", dueAt: day(0, 8) });
      await put(305, { agencyId: "sao-wang-hin", dueAt: day(0, 8) });
    });

    it("pages one assigned type in due order, filtered before the limit, undated last", async () => {
      const pages = await allPages({ agencyId, licenseTypeIds: [foodLicenseTypeId], statuses, limit: 3 });
      expect(pages.map((p) => p.length)).toEqual([3, 3, 2]);
      expect(pages.flat().map((r) => r.id)).toEqual([
        ...[0, 1, 2, 3, 4, 5, 6].map((k) => ulid(100 + k)),
        ulid(300),
      ]);
      expect(pages.flat()[0]).toEqual({
        id: ulid(100),
        licenseTypeId: foodLicenseTypeId,
        caseType: "new",
        status: "SUBMITTED",
        businessName: completeFoodForm.businessName,
        licenseNumber: null,
        submittedAt: base.submittedAt,
        dueAt: day(0, 10),
        decisionDueAt: null,
        overdueSince: null,
      });
    });

    it("merges two assigned types by due time across pages", async () => {
      const pages = await allPages({
        agencyId,
        licenseTypeIds: [foodLicenseTypeId, fuel],
        statuses,
        limit: 4,
      });
      expect(pages.map((p) => p.length)).toEqual([4, 4, 4, 3]);
      const ids = pages.flat().map((r) => r.id);
      expect(ids.slice(0, 4)).toEqual([ulid(200), ulid(100), ulid(201), ulid(101)]);
      expect(ids.at(-1)).toBe(ulid(300));
      expect(new Set(ids).size).toBe(15);
    });

    it("keeps the status filter: a fix waits in the applicant's lane; a closed application is gone", async () => {
      const query = { agencyId, licenseTypeIds: [foodLicenseTypeId], limit: 10 };
      const fixes = await queue.queuePage({ ...query, statuses: ["FIX_REQUESTED"] });
      expect(fixes.rows.map((r) => r.id)).toEqual([ulid(301)]);
      const approved = await queue.queuePage({ ...query, statuses: ["APPROVED"] });
      expect(approved.rows.map((r) => r.id)).toEqual([ulid(300)]);
      expect((await queue.queuePage({ ...query, statuses: ["DRAFT"] })).rows).toEqual([]);
    });

    it("reads a page from rows a fraction of the application's size", async () => {
      const consumed = async (indexName: string, pk: string) => {
        const res = await db.send(
          new QueryCommand({
            TableName: "store-test",
            IndexName: indexName,
            KeyConditionExpression: `${indexName}PK = :pk`,
            ExpressionAttributeValues: { ":pk": pk },
            Limit: 7,
            ReturnConsumedCapacity: "TOTAL",
          }),
        );
        return { count: res.Count, units: res.ConsumedCapacity?.CapacityUnits };
      };
      // Seven applications as queue rows fit in one 4 KB read unit (0.5 RCU, eventually consistent);
      // seven whole applications, as the applicant list's index holds them, take about 19 KB.
      expect(await consumed("GSI3", `QUEUE#${agencyId}#${fuel}#OFFICER`)).toEqual({ count: 7, units: 0.5 });
      const whole = await consumed("GSI2", `USER#${base.applicantId}`);
      expect(whole.count).toBe(7);
      expect(whole.units).toBeGreaterThanOrEqual(2);
    });
  });

  it("adds the queue index to a table created before it, projecting only the queue row", async () => {
    const old = "store-test-before-gsi3";
    await client.send(
      new CreateTableCommand({
        TableName: old,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: ["PK", "SK", "GSI1PK", "GSI1SK"].map((n) => ({
          AttributeName: n,
          AttributeType: "S",
        })),
        KeySchema: [
          { AttributeName: "PK", KeyType: "HASH" },
          { AttributeName: "SK", KeyType: "RANGE" },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: "GSI1",
            KeySchema: [
              { AttributeName: "GSI1PK", KeyType: "HASH" },
              { AttributeName: "GSI1SK", KeyType: "RANGE" },
            ],
            Projection: { ProjectionType: "ALL" },
          },
        ],
      }),
    );
    await ensureTable(client, old);
    await ensureTable(client, old);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: old }));
    const indexes = Object.fromEntries(
      (Table?.GlobalSecondaryIndexes ?? []).map((i) => [i.IndexName, i.Projection]),
    );
    expect(indexes).toEqual({
      GSI1: { ProjectionType: "ALL" },
      GSI2: { ProjectionType: "ALL" },
      GSI3: { ProjectionType: "INCLUDE", NonKeyAttributes: ["queueRow"] },
    });
  });

  it("takes a license number only with the write that records it, so the register has no holes", async () => {
    const scope = "KD-FOOD200-2569";
    const ids = Array.from({ length: 6 }, (_, i) => `01JSEQ00000000000000000${String(i).padStart(3, "0")}`);
    const apps = await Promise.all(ids.map((id) => submitted(id, "2026-03-02T03:00:00Z")));
    const note = (app: Application) => change(app, {}, applicant, "applicant", "note", new Date());
    // Six writes race for number 1: one takes it, the others are told the sequence moved.
    const first = await Promise.allSettled(
      apps.map((app) => store.apply(note(app), { sequence: { scope, value: 1 } })),
    );
    expect(first.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of first.filter((r) => r.status === "rejected"))
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(SequenceMoved);
    expect(await register.currentSequence(scope)).toBe(1);
    // A write that loses on its own version burns nothing: the sequence stays where it was.
    const stale = { ...note(apps[1]!), expectedVersion: 99 };
    await expect(store.apply(stale, { sequence: { scope, value: 2 } })).rejects.toMatchObject({
      code: "CONCURRENT_MODIFICATION",
    });
    expect(await register.currentSequence(scope)).toBe(1);
    await store.apply(note((await store.get(apps[1]!.id))!), { sequence: { scope, value: 2 } });
    expect(await register.currentSequence(scope)).toBe(2);
    expect(await register.currentSequence("KD-OTHER-2569")).toBe(0);
  });
});
