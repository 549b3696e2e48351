import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUsers } from "../../infra/local/demo-users";
import { ensureTable } from "../../infra/local/local-table";
import { demoAccount, seedOfficers } from "../../infra/local/seed-officers";
import { startDynamoDbLocal } from "../../infra/local/services/dynamodb-local";
import { DynamoDbOfficerDirectory } from "../../shared/adapters/dynamodb/officer-directory";
import { accountOf } from "../support/fake-officer-directory";

/** The officer directory against DynamoDB Local: the version lock and the per-agency unique national ID. */
describe("DynamoDbOfficerDirectory on DynamoDB Local", () => {
  let stop: () => Promise<void>;
  let db: DynamoDBDocumentClient;
  let directory: DynamoDbOfficerDirectory;
  const table = "officers-test";

  beforeAll(async () => {
    const dynamo = await startDynamoDbLocal();
    stop = dynamo.stop;
    const client = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: "ap-southeast-7",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });
    await ensureTable(client, table);
    db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    directory = new DynamoDbOfficerDirectory(db, table);
  });
  afterAll(() => stop?.());

  const claims = async (agencyId: string) =>
    (
      await db.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: "PK = :pk AND begins_with(SK, :n)",
          ExpressionAttributeValues: { ":pk": `AGENCY#${agencyId}`, ":n": "NATID#" },
        }),
      )
    ).Items?.map((i) => [i.SK, i.userId]);

  it("creates once, updates only on the version read, and lists the agency's accounts", async () => {
    const a = accountOf("a-1", { agencyId: "agency-1" });
    await directory.put(a);
    expect(await directory.get("agency-1", "a-1")).toEqual(a);
    await expect(directory.put(a)).rejects.toMatchObject({ code: "CONCURRENT_MODIFICATION" });

    const next = { ...a, version: 2, licenseTypeIds: [] };
    await directory.put(next, a);
    await expect(directory.put({ ...a, version: 2, active: false }, a)).rejects.toMatchObject({
      code: "CONCURRENT_MODIFICATION",
    });
    expect(await directory.get("agency-1", "a-1")).toEqual(next);

    await directory.put(accountOf("a-0", { agencyId: "agency-1", nationalId: "1102000123454" }));
    await directory.put(accountOf("z-1", { agencyId: "agency-2" }));
    expect((await directory.listByAgency("agency-1")).map((x) => x.userId)).toEqual(["a-0", "a-1"]);
    expect(await directory.listByAgency("agency-none")).toEqual([]);
  });

  it("keeps a national ID to one account per agency, and frees it when the account changes ID", async () => {
    const first = accountOf("n-1", { agencyId: "agency-3", nationalId: "1101700203450" });
    await directory.put(first);
    const clash = accountOf("n-2", { agencyId: "agency-3", nationalId: "1101700203450" });
    await expect(directory.put(clash)).rejects.toMatchObject({
      code: "NATIONAL_ID_IN_USE",
      kind: "conflict",
    });
    expect(await directory.get("agency-3", "n-2")).toBeUndefined();
    // Another agency may have an account for the same person.
    await directory.put({ ...clash, agencyId: "agency-4" });

    const moved = { ...first, version: 2, nationalId: "1101700203131" };
    await directory.put(moved, first);
    expect(await claims("agency-3")).toEqual([["NATID#1101700203131", "n-1"]]);
    await directory.put(clash);
    expect((await claims("agency-3"))?.sort()).toEqual([
      ["NATID#1101700203131", "n-1"],
      ["NATID#1101700203450", "n-2"],
    ]);
  });

  it("lets exactly one of two racing updates of the same version win", async () => {
    const base = accountOf("r-1", { agencyId: "agency-5" });
    await directory.put(base);
    const results = await Promise.allSettled([
      directory.put({ ...base, version: 2, licenseTypeIds: [] }, base),
      directory.put({ ...base, version: 2, active: false }, base),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({
      reason: { code: "CONCURRENT_MODIFICATION" },
    });
    expect((await directory.get("agency-5", "r-1"))?.version).toBe(2);
  });

  it("seeds the demo officers once and keeps what was changed since", async () => {
    const now = new Date("2026-03-02T03:00:00Z");
    const seeded = await seedOfficers(directory, now);
    expect(seeded).toBe(demoUsers.filter((u) => u.officerAccount).length);
    const officer = demoUsers.find((u) => u.username === "officer")!;
    const before = (await directory.get("sao-khlong-dan", officer.sub))!;
    expect(before).toEqual(demoAccount(officer, now));
    await directory.put({ ...before, version: 2, licenseTypeIds: [] }, before);
    expect(await seedOfficers(directory, now)).toBe(0);
    expect((await directory.get("sao-khlong-dan", officer.sub))?.licenseTypeIds).toEqual([]);
  });
});
