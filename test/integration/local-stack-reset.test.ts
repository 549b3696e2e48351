import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { ListObjectsCommand, S3Client } from "@aws-sdk/client-s3";
import { DynamoDBDocumentClient, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalStartError } from "../../infra/local/clock-start";
import {
  type LocalStack,
  localBucketName,
  localTableName,
  startLocalStack,
} from "../../infra/local/local-stack";
import { S3_LOCAL_CREDENTIALS } from "../../infra/local/services/s3-local";
import { tableDesign } from "../../shared/adapters/dynamodb/table-design";
import { ApiClient } from "../support/api-client";
import { submittedFoodApplication } from "../support/draft";

/**
 * `LocalStack.reset`, which lets a test file share one stack: after it the stack cannot be told from
 * a fresh start in memory, whatever the test before left behind.
 */
const start = new Date("2026-04-10T17:00:00+07:00");
const region = "ap-southeast-7";

/** What a test can see of the stack, with the seeding time checked against the clock and set aside. */
async function observe(stack: LocalStack) {
  const db = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: stack.endpoints.dynamodb, region, credentials: S3_LOCAL_CREDENTIALS }),
  );
  const s3 = new S3Client({
    endpoint: stack.endpoints.s3,
    region,
    forcePathStyle: true,
    credentials: S3_LOCAL_CREDENTIALS,
  });
  const now = stack.clock.now().getTime();
  const scan = async (IndexName?: string) => {
    const { Items = [] } = await db.send(new ScanCommand({ TableName: localTableName, IndexName }));
    return Items.map((item) =>
      JSON.stringify(item, (_, v) => (isRecentInstant(v, now) ? "(seeded at the clock's time)" : v)),
    ).sort();
  };
  const indexes = Object.fromEntries(
    await Promise.all(
      tableDesign.globalSecondaryIndexes.map(async (g) => [g.indexName, await scan(g.indexName)]),
    ),
  );
  const { Contents = [] } = await s3.send(new ListObjectsCommand({ Bucket: localBucketName }));
  db.destroy();
  s3.destroy();
  return {
    table: await scan(),
    indexes,
    documents: Contents.map((o) => o.Key),
    notifications: stack.notifications.list(),
    timers: stack.clock.pendingTimers(),
  };
}

/** An instant at most a minute before `now` (real time runs on while the test looks). */
function isRecentInstant(value: unknown, now: number): boolean {
  if (typeof value !== "string" || !/^\d{4}-\d\d-\d\dT/.test(value)) return false;
  const at = Date.parse(value);
  return at <= now && at > now - 60_000;
}

describe("a local stack reset between the tests that share it", () => {
  let stack: LocalStack;
  let fresh: Awaited<ReturnType<typeof observe>>;
  beforeAll(async () => {
    stack = await startLocalStack({ port: 0, clockStartsAt: start });
    fresh = await observe(stack);
  });
  afterAll(() => stack?.stop());

  it("leaves nothing of a test that left a waiting workflow, timers, documents and notifications", async () => {
    const applicant = await ApiClient.signIn(stack.url, "applicant");
    const officer = await ApiClient.signIn(stack.url, "officer");
    const id = await submittedFoodApplication(applicant, "before-reset");
    const fix = await officer.post(`/officer/applications/${id}/actions`, {
      action: "request-fix",
      items: [{ documentKey: "houseRegistration", reason: "สำเนาไม่ชัด / copy unreadable" }],
      deadline: new Date(start.getTime() + 5 * 86_400_000).toISOString(),
    });
    expect(fix.status).toBe(200);
    await applicant.waitForStep(id, "applicantFix");
    await stack.advanceClock(new Date(start.getTime() + 2 * 86_400_000));
    const left = await observe(stack);
    expect(left.timers).toBeGreaterThan(fresh.timers);
    expect(left.documents.length).toBeGreaterThan(0);
    expect(left.notifications.map((n) => n.notification.kind)).toEqual(["fixRequested"]);
    expect(left.table.length).toBeGreaterThan(fresh.table.length);
    expect(stack.engine.execution(id)?.status).toBe("RUNNING");

    await stack.reset({ clockStartsAt: start });

    expect(Math.abs(stack.clock.now().getTime() - start.getTime())).toBeLessThan(5_000);
    expect(await observe(stack)).toEqual(fresh);
    expect(stack.engine.execution(id)).toBeUndefined();
    expect((await applicant.get(`/applications/${id}`)).status).toBe(404);
    expect((await officer.get("/officer/applications")).body).toEqual({ items: [], nextCursor: null });
  });

  it("runs a new lifecycle on the rewound clock, where only its own timer fires", async () => {
    const applicant = await ApiClient.signIn(stack.url, "applicant");
    const officer = await ApiClient.signIn(stack.url, "officer");
    const id = await submittedFoodApplication(applicant, "after-reset");
    const deadline = new Date(stack.clock.now().getTime() + 3 * 86_400_000);
    await officer.post(`/officer/applications/${id}/actions`, {
      action: "request-fix",
      items: [{ documentKey: "houseRegistration", reason: "สำเนาไม่ชัด / copy unreadable" }],
      deadline: deadline.toISOString(),
    });
    await applicant.waitForStep(id, "applicantFix");

    const fired = await stack.advanceClock(new Date(deadline.getTime() + 1000));

    expect(fired).toMatchObject([{ applicationId: id, step: "AwaitApplicantFix", kind: "return" }]);
    expect((await applicant.get(`/applications/${id}`)).body.status).toBe("RETURNED");
    expect(stack.engine.execution(id)?.status).toBe("SUCCEEDED");
    expect(stack.notifications.list().map((n) => n.notification.kind)).toEqual(["fixRequested", "returned"]);
  });

  it("starts at real time without clockStartsAt, and refuses a start outside the calendar", async () => {
    await stack.reset();
    expect(Math.abs(stack.clock.now().getTime() - Date.now())).toBeLessThan(1_000);
    await expect(
      stack.reset({ clockStartsAt: new Date("2040-01-01T00:00:00+07:00") }),
    ).rejects.toBeInstanceOf(LocalStartError);
  });
});
