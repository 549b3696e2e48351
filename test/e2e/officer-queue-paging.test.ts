import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUsers } from "../../infra/local/demo-users";
import { type LocalStack, startLocalStack } from "../../infra/local/local-stack";
import { compareQueue, type QueueRow } from "../../shared/domain/application/queue";
import { defaultWorkingDayClock } from "../../shared/domain/working-days";
import { officerQueuePageSchema } from "../../shared/schemas/officer-queue";
import { ApiClient, foodLicenseTypeId } from "../support/api-client";
import { submitApplication } from "../support/license-driver";

const sub = (username: string) => demoUsers.find((u) => u.username === username)!.sub;
const fuelLicenseTypeId = "fuel-station-license-klong-dan";
const hours = (h: number) => h * 3_600_000;

/**
 * Issue 13: the officer queue filters by assignment before the limit and pages by cursor. Seven
 * food-premises applications (assigned) and seven fuel-station applications (not assigned) of the
 * same agency, submitted at 15:00 on seven working days: a food check is due 16:15 that day and a
 * fuel check 16:30 the next working day, so the two types interleave in due order.
 */
describe("the officer queue pages by cursor, filtered by assignment before the limit", () => {
  let stack: LocalStack;
  let applicant: ApiClient;
  let officer: ApiClient;
  let assignedFood: ApiClient;
  let otherAgency: ApiClient;
  const food: string[] = [];
  const fuel: string[] = [];

  beforeAll(async () => {
    stack = await startLocalStack({ port: 0 });
    const signIn = (u: string) => ApiClient.signIn(stack.url, u);
    let supervisor: ApiClient;
    [applicant, officer, assignedFood, otherAgency, supervisor] = await Promise.all([
      signIn("applicant"),
      signIn("officer"),
      signIn("officer-unassigned"),
      signIn("officer-other"),
      signIn("supervisor"),
    ]);
    const assigned = await supervisor.post(`/agency/officers/${sub("officer-unassigned")}/assignments`, {
      licenseTypeIds: [foodLicenseTypeId],
    });
    expect(assigned.status).toBe(200);
    const workingDays = defaultWorkingDayClock();
    let at = stack.clock.now();
    for (let k = 0; k < 7; k++) {
      // Midnight in Bangkok that starts the next day, 08:30 of the first working day from there, 15:00.
      const midnight = Math.floor((at.getTime() + hours(7)) / hours(24) + 1) * hours(24) - hours(7);
      at = new Date(workingDays.startOfCounting(new Date(midnight)).getTime() + hours(6.5));
      await stack.advanceClock(at);
      const [f, o] = await Promise.all([
        submitApplication({ applicant, officer }, foodLicenseTypeId),
        submitApplication({ applicant, officer }, fuelLicenseTypeId),
      ]);
      food.push(f.id);
      fuel.push(o.id);
    }
  }, 180_000);
  afterAll(() => stack?.stop());

  async function queuePage(client: ApiClient, query: string) {
    const res = await client.get(`/officer/applications?${query}`);
    expect(res.status).toBe(200);
    return officerQueuePageSchema.parse(res.body);
  }

  async function allPages(client: ApiClient, query: string): Promise<QueueRow[][]> {
    const pages: QueueRow[][] = [];
    let cursor: string | null = null;
    do {
      const page = await queuePage(client, `${query}${cursor ? `&cursor=${cursor}` : ""}`);
      pages.push(page.items);
      cursor = page.nextCursor;
      if (pages.length > 20) throw new Error("The queue does not end");
    } while (cursor);
    return pages;
  }

  const isInQueueOrder = (rows: QueueRow[]) =>
    rows.every((r, i) => i === 0 || compareQueue(rows[i - 1]!, r) < 0);

  it("interleaves the two types in the agency's due order (the data the old per-status read came back short on)", async () => {
    const [all] = await allPages(officer, "limit=100");
    const ids = all!.map((r) => r.id);
    expect(new Set(ids)).toEqual(new Set([...food, ...fuel]));
    expect(isInQueueOrder(all!)).toBe(true);
    // food 1, food 2, fuel 1, food 3, fuel 2, …: each fuel check is due after the next day's food check.
    const expected = [food[0], ...food.slice(1).flatMap((id, k) => [id, fuel[k]]), fuel[6]];
    expect(ids).toEqual(expected);
  });

  it("pages an officer assigned one of the two types 3, 3, 1 in due order, with nothing foreign and no cursor at the end", async () => {
    const pages = await allPages(assignedFood, "limit=3");
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    const rows = pages.flat();
    expect(new Set(rows.map((r) => r.id)).size).toBe(7);
    expect(rows.map((r) => r.id).sort()).toEqual([...food].sort());
    expect(rows.every((r) => r.licenseTypeId === foodLicenseTypeId && r.status === "SUBMITTED")).toBe(true);
    expect(isInQueueOrder(rows)).toBe(true);
    expect(rows[0]).toMatchObject({ caseType: "new", businessName: expect.any(String), decisionDueAt: null });
    expect(rows[0]).not.toHaveProperty("formData");
    const last = await assignedFood.get<Record<string, unknown>>(
      `/officer/applications?limit=3&cursor=${(await queuePage(assignedFood, "limit=6")).nextCursor}`,
    );
    expect(last.body).toEqual({ items: [rows[6]], nextCursor: null });
  });

  it("merges both types, in due order, for an officer assigned both", async () => {
    const pages = await allPages(officer, "limit=5");
    expect(pages.map((p) => p.length)).toEqual([5, 5, 4]);
    expect(isInQueueOrder(pages.flat())).toBe(true);
    expect(new Set(pages.flat().map((r) => r.id)).size).toBe(14);
  });

  it("keeps the status filter and binds the cursor to it", async () => {
    expect((await queuePage(assignedFood, "status=SUBMITTED&limit=10")).items).toHaveLength(7);
    expect((await queuePage(assignedFood, "status=DOCS_COMPLETE")).items).toEqual([]);
    const { nextCursor } = await queuePage(assignedFood, "limit=3");
    const res = await assignedFood.get(`/officer/applications?status=SUBMITTED&limit=3&cursor=${nextCursor}`);
    expect([res.status, res.body.code]).toEqual([400, "INVALID_CURSOR"]);
  });

  it.each([
    ["malformed", "not*base64"],
    ["not JSON", Buffer.from("{oops").toString("base64url")],
    ["tampered", Buffer.from(JSON.stringify({ v: 1, s: null, d: null, i: "APP#1" })).toString("base64url")],
  ])("answers a %s cursor with 400 INVALID_CURSOR problem+json", async (_, cursor) => {
    const res = await assignedFood.get(`/officer/applications?cursor=${encodeURIComponent(cursor)}`);
    expect([res.status, res.body.code]).toEqual([400, "INVALID_CURSOR"]);
    expect(res.contentType).toContain("application/problem+json");
    expect(String(res.body.titleTh)).toMatch(/[ก-๙]/);
  });

  it("gives a cursor no power in another officer's hands: it positions only in their own queue", async () => {
    const { nextCursor } = await queuePage(officer, "limit=1");
    expect((await queuePage(otherAgency, `cursor=${nextCursor}`)).items).toEqual([]);
    const rows = (await queuePage(assignedFood, `limit=100&cursor=${nextCursor}`)).items;
    expect(rows.every((r) => food.includes(r.id))).toBe(true);
  });

  it("documents limit, cursor and the page's shape in the OpenAPI document", async () => {
    const doc = await applicant.get<{ paths: Record<string, Record<string, Record<string, unknown>>> }>(
      "/openapi.json",
    );
    const queue = doc.body.paths["/officer/applications"]!.get!;
    const params = queue.parameters as { name: string; in: string }[];
    expect(params.map((p) => `${p.in}:${p.name}`)).toEqual(["query:status", "query:limit", "query:cursor"]);
    expect(JSON.stringify(queue.responses)).toContain('"nextCursor"');
  });
});
