import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureTable } from "../../infra/local/local-table";
import { startDynamoDbLocal } from "../../infra/local/services/dynamodb-local";
import { DynamoDbApplicationStore } from "../../shared/adapters/dynamodb/application-store";
import { DynamoDbBusinessStore } from "../../shared/adapters/dynamodb/business-store";
import { findLicenseType } from "../../shared/catalog";
import type { Actor } from "../../shared/domain/actor";
import { createDraft } from "../../shared/domain/application/lifecycle";
import type { Business } from "../../shared/domain/business/types";
import { DomainError } from "../../shared/domain/errors";
import { foodLicenseTypeId } from "../support/api-client";

/** The business adapter against DynamoDB Local: versioned writes, the owner's list, all-or-nothing drafts. */
describe("DynamoDbBusinessStore on DynamoDB Local", () => {
  let stop: () => Promise<void>;
  let businesses: DynamoDbBusinessStore;
  let applications: DynamoDbApplicationStore;
  const applicant: Actor = { userId: "owner-1", roles: ["applicant"] };
  const licenseType = findLicenseType(foodLicenseTypeId)!;
  const business = (id: string, ownerId = "owner-1", at = "2026-01-05T03:00:00.000Z"): Business => ({
    id,
    ownerId,
    version: 1,
    createdAt: at,
    updatedAt: at,
    operator: { type: "juristicPerson", idNumber: "0105536092641", name: "บริษัท ก จำกัด" },
    businessName: "ครัว",
    premisesAddress: "99 ม.3",
    contacts: {},
    facts: { premisesAreaSqm: 350 },
  });
  const draft = (id: string) => {
    const { application, event } = createDraft({
      id,
      licenseType,
      applicant,
      formData: {},
      now: new Date("2026-01-05T03:00:00Z"),
    });
    return { application: { ...application, businessId: "01JBIZ00000000000000000001" }, event };
  };

  beforeAll(async () => {
    const dynamo = await startDynamoDbLocal();
    stop = dynamo.stop;
    const client = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: "ap-southeast-7",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });
    await ensureTable(client, "biz-test");
    const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    businesses = new DynamoDbBusinessStore(db, "biz-test");
    applications = new DynamoDbApplicationStore(db, "biz-test");
  });
  afterAll(() => stop?.());

  it("lists an owner's businesses newest first from its own index partition, apart from applications", async () => {
    await businesses.create(business("01JBIZ00000000000000000001"));
    await businesses.create(business("01JBIZ00000000000000000002", "owner-1", "2026-01-06T03:00:00.000Z"));
    await businesses.create(business("01JBIZ00000000000000000003", "owner-2"));
    const page = await businesses.listByOwner("owner-1", { limit: 1 });
    expect(page.items.map((b) => b.id)).toEqual(["01JBIZ00000000000000000002"]);
    const next = await businesses.listByOwner("owner-1", { limit: 5, cursor: page.cursor! });
    expect(next.items.map((b) => b.id)).toEqual(["01JBIZ00000000000000000001"]);
    expect((await applications.listByApplicant("owner-1", { limit: 10 })).items).toEqual([]);
  });

  it("writes on the version read, refusing a stale one", async () => {
    const current = (await businesses.get("01JBIZ00000000000000000001"))!;
    await businesses.update({ ...current, version: 2, businessName: "ครัวใหม่" }, 1);
    await expect(businesses.update({ ...current, version: 2 }, 1)).rejects.toMatchObject({
      code: "CONCURRENT_MODIFICATION",
    });
    expect((await businesses.get("01JBIZ00000000000000000001"))!.businessName).toBe("ครัวใหม่");
  });

  it("creates every draft and its link in one transaction, or none", async () => {
    const id = "01JBIZ00000000000000000001";
    await businesses.createApplications(id, [
      draft("01JAPP00000000000000000001"),
      draft("01JAPP00000000000000000002"),
    ]);
    expect(await businesses.applicationIds(id)).toEqual([
      "01JAPP00000000000000000001",
      "01JAPP00000000000000000002",
    ]);
    // One of the two exists already: the whole set is refused, the new one is not written.
    const refused = businesses.createApplications(id, [
      draft("01JAPP00000000000000000003"),
      draft("01JAPP00000000000000000001"),
    ]);
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    expect(await applications.get("01JAPP00000000000000000003")).toBeUndefined();
    expect(await businesses.applicationIds(id)).toHaveLength(2);
    await expect(
      businesses.createApplications("01JBIZ0000000000000000NONE", [draft("01JAPP00000000000000000004")]),
    ).rejects.toMatchObject({ code: "BUSINESS_NOT_FOUND" });
  });
});
