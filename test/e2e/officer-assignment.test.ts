import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUsers } from "../../infra/local/demo-users";
import { type LocalStack, startLocalStack } from "../../infra/local/local-stack";
import { ApiClient, foodLicenseTypeId } from "../support/api-client";
import { submittedFoodApplication } from "../support/draft";

const sub = (username: string) => demoUsers.find((u) => u.username === username)!.sub;

/**
 * Issue 4: officers see and act only on the license types assigned to them, and a supervisor's
 * reassignment or revocation applies on the next request. Needs `assertAssignedOfficer`,
 * `assertAssignedToView` and `assignedLicenseTypeIds` wired into the officer and application services.
 */
describe("officers see and act only on their assigned license types", () => {
  let stack: LocalStack;
  let applicant: ApiClient;
  let officer: ApiClient;
  let unassigned: ApiClient;
  let supervisor: ApiClient;
  let id: string;

  beforeAll(async () => {
    stack = await startLocalStack({ port: 0 });
    const signIn = (u: string) => ApiClient.signIn(stack.url, u);
    [applicant, officer, unassigned, supervisor] = await Promise.all([
      signIn("applicant"),
      signIn("officer"),
      signIn("officer-unassigned"),
      signIn("supervisor"),
    ]);
    id = await submittedFoodApplication(applicant, "assignment");
  });
  afterAll(() => stack?.stop());

  const queueIds = async (client: ApiClient) =>
    (await client.get<{ items: { id: string }[] }>("/officer/applications")).body.items.map((a) => a.id);

  it("keeps the application out of an unassigned officer's queue, view and actions", async () => {
    const before = await officer.get(`/applications/${id}`);
    expect(await queueIds(officer)).toContain(id);
    expect(await queueIds(unassigned)).not.toContain(id);
    for (const res of [
      await unassigned.get(`/applications/${id}`),
      await unassigned.get(`/applications/${id}/history`),
      await unassigned.post(`/officer/applications/${id}/actions`, { action: "confirm-complete" }),
    ]) {
      expect([res.status, res.body.code]).toEqual([403, "OFFICER_NOT_ASSIGNED"]);
      expect(res.contentType).toContain("application/problem+json");
      expect(String(res.body.titleTh)).toMatch(/[ก-๙]/);
    }
    const after = await officer.get(`/applications/${id}`);
    expect([after.body.status, after.body.version]).toEqual([before.body.status, before.body.version]);
  });

  it("applies a supervisor's reassignment on the next request", async () => {
    const give = await supervisor.post(`/agency/officers/${sub("officer-unassigned")}/assignments`, {
      licenseTypeIds: [foodLicenseTypeId],
    });
    expect(give.status).toBe(200);
    const take = await supervisor.post(`/agency/officers/${sub("officer")}/assignments`, {
      licenseTypeIds: [],
    });
    expect(take.status).toBe(200);

    expect(await queueIds(officer)).not.toContain(id);
    const refused = await officer.post(`/officer/applications/${id}/actions`, { action: "confirm-complete" });
    expect([refused.status, refused.body.code]).toEqual([403, "OFFICER_NOT_ASSIGNED"]);

    expect(await queueIds(unassigned)).toContain(id);
    expect((await unassigned.get(`/applications/${id}`)).status).toBe(200);
    const done = await unassigned.post(`/officer/applications/${id}/actions`, { action: "confirm-complete" });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe("DOCS_COMPLETE");
  });

  it("revokes a deactivated officer at once", async () => {
    const account = await supervisor.request("PUT", `/agency/officers/${sub("officer-unassigned")}`, {
      nationalId: "1102000123454",
      email: "newcomer@khlongdan.go.th",
      licenseTypeIds: [foodLicenseTypeId],
      active: false,
    });
    expect(account.status).toBe(200);
    expect(await queueIds(unassigned)).toEqual([]);
    const res = await unassigned.get(`/applications/${id}`);
    expect([res.status, res.body.code]).toEqual([403, "OFFICER_NOT_ASSIGNED"]);
    expect(String(res.body.detail)).toMatch(/deactivated/);
  });
});
