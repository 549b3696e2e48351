import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUsers } from "../../infra/local/demo-users";
import { type LocalStack, startLocalStack } from "../../infra/local/local-stack";
import { allLicenseTypes } from "../../shared/catalog";
import type { OfficerAccount } from "../../shared/domain/officers/officer-account";
import { ApiClient, foodLicenseTypeId } from "../support/api-client";

const sub = (username: string) => demoUsers.find((u) => u.username === username)!.sub;
/** A Khlong Dan officer whose sign-in exists in the pool, without an account yet. */
const newOfficer = sub("officer-new");
const newcomer = {
  // Σ of the weighted digits is 22, a multiple of 11: check digit 1 (the standard, not 11 mod 11 = 0)
  nationalId: "1-0000-00000-30-1",
  email: "somsri@khlongdan.go.th",
  licenseTypeIds: [foodLicenseTypeId],
};

/** Issue 4 over HTTP: a supervisor manages the agency's officer accounts; nobody else may. */
describe("officer accounts: the supervisor API", () => {
  let stack: LocalStack;
  let supervisor: ApiClient;
  let officer: ApiClient;
  let otherOfficer: ApiClient;
  let applicant: ApiClient;

  beforeAll(async () => {
    stack = await startLocalStack({ port: 0 });
    const signIn = (u: string) => ApiClient.signIn(stack.url, u);
    [supervisor, officer, otherOfficer, applicant] = await Promise.all([
      signIn("supervisor"),
      signIn("officer"),
      signIn("officer-other"),
      signIn("applicant"),
    ]);
  });
  afterAll(() => stack?.stop());

  const list = async () => (await supervisor.get<{ items: OfficerAccount[] }>("/agency/officers")).body.items;

  it("lists the agency's seeded officer accounts to its supervisor", async () => {
    const res = await supervisor.get<{ items: OfficerAccount[] }>("/agency/officers");
    expect(res.status).toBe(200);
    const byUser = Object.fromEntries(res.body.items.map((a) => [a.userId, a]));
    expect(Object.keys(byUser).sort()).toEqual(
      [sub("officer"), sub("supervisor"), sub("officer-unassigned")].sort(),
    );
    // The seeded officer handles every license type of the agency.
    const khlongDanTypes = allLicenseTypes()
      .filter((t) => t.agencyId === "sao-khlong-dan")
      .map((t) => t.id)
      .sort();
    expect(byUser[sub("officer")]).toMatchObject({
      agencyId: "sao-khlong-dan",
      nationalId: "3101200123453",
      licenseTypeIds: khlongDanTypes,
      supervisor: false,
      active: true,
    });
    expect(byUser[sub("supervisor")]).toMatchObject({ supervisor: true });
    expect(byUser[sub("officer-unassigned")]).toMatchObject({ licenseTypeIds: [] });
  });

  it("refuses an invalid national ID with 400 INVALID_NATIONAL_ID and creates nothing", async () => {
    const before = await list();
    const res = await supervisor.request("PUT", `/agency/officers/${newOfficer}`, {
      ...newcomer,
      // The check digit the wrong rule gave: refused now.
      nationalId: "1-0000-00000-30-0",
    });
    expect(res.status).toBe(400);
    expect(res.contentType).toContain("application/problem+json");
    expect(res.body).toMatchObject({ code: "INVALID_NATIONAL_ID", status: 400 });
    expect(String(res.body.titleTh)).toMatch(/เลขประจำตัวประชาชน/);
    expect(await list()).toEqual(before);
  });

  it("refuses an account for another agency's officer, or an unknown user, with 404 USER_NOT_IN_AGENCY", async () => {
    const before = await list();
    const other = sub("officer-other");
    for (const userId of [other, sub("applicant"), "7b1d4f2e-3c5a-4e6b-8d9f-0a1b2c3d4e99"]) {
      const res = await supervisor.request("PUT", `/agency/officers/${userId}`, {
        ...newcomer,
        nationalId: "3-1006-00231-45-7",
      });
      expect([res.status, res.body.code]).toEqual([404, "USER_NOT_IN_AGENCY"]);
      expect(res.contentType).toContain("application/problem+json");
    }
    expect(await list()).toEqual(before);
    // The other agency's officer still works there, untouched.
    const theirs = await otherOfficer.get<{ items: unknown[] }>("/officer/applications");
    expect(theirs.status).toBe(200);
  });

  it("creates an account, and the same PUT again changes nothing", async () => {
    const created = await supervisor.request<OfficerAccount>(
      "PUT",
      `/agency/officers/${newOfficer}`,
      newcomer,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      userId: newOfficer,
      nationalId: "1000000000301",
      agencyId: "sao-khlong-dan",
      supervisor: false,
      active: true,
      version: 1,
      updatedBy: sub("supervisor"),
    });
    const again = await supervisor.request<OfficerAccount>("PUT", `/agency/officers/${newOfficer}`, newcomer);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(created.body);
  });

  it("reassigns an officer's license types, version-checked", async () => {
    const path = `/agency/officers/${sub("officer-unassigned")}/assignments`;
    const assigned = await supervisor.post<OfficerAccount>(path, {
      licenseTypeIds: [foodLicenseTypeId],
      version: 1,
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ licenseTypeIds: [foodLicenseTypeId], version: 2 });
    const stale = await supervisor.post(path, { licenseTypeIds: [], version: 1 });
    expect([stale.status, stale.body.code]).toEqual([409, "CONCURRENT_MODIFICATION"]);
    const mine = (await list()).find((a) => a.userId === sub("officer-unassigned"));
    expect(mine).toMatchObject({ licenseTypeIds: [foodLicenseTypeId], version: 2 });
  });

  it("refuses the agency's rules with a stable code, and changes nothing", async () => {
    const before = await list();
    const cases: [string, string, unknown, number, string][] = [
      [
        "PUT",
        `/agency/officers/${newOfficer}`,
        { ...newcomer, licenseTypeIds: ["no-such"] },
        400,
        "LICENSE_TYPE_NOT_OF_AGENCY",
      ],
      [
        "PUT",
        `/agency/officers/${newOfficer}`,
        { ...newcomer, nationalId: "3101200123453" },
        409,
        "NATIONAL_ID_IN_USE",
      ],
      [
        "PUT",
        `/agency/officers/${sub("supervisor")}`,
        {
          nationalId: "1101700203450",
          email: "supervisor@khlongdan.go.th",
          licenseTypeIds: [foodLicenseTypeId],
          supervisor: false,
        },
        409,
        "SUPERVISOR_CANNOT_DEMOTE_SELF",
      ],
      [
        "POST",
        `/agency/officers/${sub("officer-other")}/assignments`,
        { licenseTypeIds: [] },
        404,
        "OFFICER_ACCOUNT_NOT_FOUND",
      ],
      ["PUT", "/agency/officers/not-a-user-id", newcomer, 400, "INVALID_REQUEST"],
      [
        "PUT",
        `/agency/officers/${newOfficer}`,
        { ...newcomer, email: "not an e-mail" },
        400,
        "INVALID_REQUEST",
      ],
    ];
    for (const [method, path, body, status, code] of cases) {
      const res = await supervisor.request(method, path, body);
      expect([res.status, res.body.code], `${method} ${path} ${JSON.stringify(body)}`).toEqual([
        status,
        code,
      ]);
      expect(res.body.titleTh).toBeTypeOf("string");
    }
    expect(await list()).toEqual(before);
  });

  it("answers 403 to an officer who is not a supervisor, to another agency and to an applicant", async () => {
    const before = await list();
    for (const client of [officer, otherOfficer, applicant]) {
      const listed = await client.get("/agency/officers");
      expect([listed.status, listed.body.code]).toEqual([403, "FORBIDDEN"]);
      const put = await client.request("PUT", `/agency/officers/${sub("officer")}`, {
        ...newcomer,
        nationalId: "3101200123453",
        supervisor: true,
      });
      expect(put.status).toBe(403);
      const reassigned = await client.post(`/agency/officers/${sub("officer")}/assignments`, {
        licenseTypeIds: [],
      });
      expect(reassigned.status).toBe(403);
    }
    expect(await list()).toEqual(before);
  });

  it("describes the routes in the OpenAPI document", async () => {
    const doc = await applicant.get<{ paths: Record<string, Record<string, unknown>> }>("/openapi.json");
    expect(Object.keys(doc.body.paths["/agency/officers/{userId}"] ?? {})).toEqual(["put"]);
    expect(doc.body.paths["/agency/officers/{userId}/assignments"]?.post).toBeDefined();
  });
});
