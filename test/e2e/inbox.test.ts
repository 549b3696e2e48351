import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUsers } from "../../infra/local/demo-users";
import { type LocalStack, startLocalStack } from "../../infra/local/local-stack";
import { ApiClient, foodLicenseTypeId, samplePdf } from "../support/api-client";
import { submitApplication } from "../support/license-driver";
import { bangkok } from "../support/scenario-world";

interface InboxItem {
  id: string;
  kind: string;
  applicationId: string;
  textTh: string;
  textEn: string;
  at: string;
  read: boolean;
  readAt: string | null;
  copy: boolean;
}
type InboxPage = { items: InboxItem[]; nextCursor: string | null };

const sub = (username: string) => demoUsers.find((u) => u.username === username)!.sub;

/** Every notice of the caller's inbox, a page of `limit` at a time (following nextCursor). */
async function wholeInbox(client: ApiClient, limit = 2): Promise<InboxItem[]> {
  const items: InboxItem[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`;
    const res = await client.get<InboxPage>(`/notifications${query}`);
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

/** Notices go out as the outcome settles (after the action answers): wait until `count` are there. */
async function inboxOf(client: ApiClient, applicationId: string, count: number): Promise<InboxItem[]> {
  const until = Date.now() + 10_000;
  for (;;) {
    const items = (await wholeInbox(client)).filter((i) => i.applicationId === applicationId);
    if (items.length >= count || Date.now() > until) return items;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("each user's inbox (issue 17): the notices that reached them", () => {
  let stack: LocalStack;
  let applicant: ApiClient;
  let applicant2: ApiClient;
  let officer: ApiClient;
  let opdc: ApiClient;
  let supervisor: ApiClient;

  beforeAll(async () => {
    stack = await startLocalStack({ port: 0 });
    const signIn = (username: string) => ApiClient.signIn(stack.url, username);
    applicant = await signIn("applicant");
    applicant2 = await signIn("applicant2");
    officer = await signIn("officer");
    opdc = await signIn("opdc");
    supervisor = await signIn("supervisor");
  });
  afterAll(() => stack?.stop());

  describe("a whole food-premises lifecycle with a fix request", () => {
    let id: string;

    beforeAll(async () => {
      const d = { applicant, officer };
      ({ id } = await submitApplication(d, foodLicenseTypeId));
      const fix = await officer.post(`/officer/applications/${id}/actions`, {
        action: "request-fix",
        items: [{ documentKey: "medicalCertificates", reason: "ใบรับรองแพทย์หมดอายุ" }],
        deadline: new Date(stack.clock.now().getTime() + 7 * 86_400_000).toISOString(),
      });
      expect(fix.status).toBe(200);
      await applicant.waitForStep(id, "applicantFix");
      await applicant.uploadDocument(id, "medicalCertificates", samplePdf(`${id}-renewed`));
      expect((await applicant.post(`/applications/${id}/fixes`, { comment: "แนบใหม่แล้ว" })).status).toBe(200);
      await officer.waitForStep(id, "completenessCheck");
      const act = async (step: string, action: Record<string, unknown>) => {
        await officer.waitForStep(id, step);
        const res = await officer.post(`/officer/applications/${id}/actions`, action);
        expect(res.status, String(action.action)).toBe(200);
      };
      await act("completenessCheck", { action: "confirm-complete" });
      await act("inspection", {
        action: "schedule-inspection",
        scheduledAt: new Date(stack.clock.now().getTime() + 3 * 86_400_000).toISOString(),
        place: "ห้องครัว",
      });
      await act("inspection", { action: "record-inspection", result: "passed", findings: "ถูกต้อง" });
      await act("decision", { action: "approve", feeTHB: 3000 });
      await officer.waitForStep(id, "payment");
      const paid = await officer.post(`/officer/applications/${id}/actions`, {
        action: "confirm-payment",
        channel: "counter",
        receiptNumber: `R-${id}`,
        amountTHB: 3000,
      });
      expect(paid.status).toBe(200);
      await officer.waitForStep(id, "licenseIssue");
      expect(
        (await officer.post(`/officer/applications/${id}/actions`, { action: "issue-license" })).status,
      ).toBe(200);
    }, 60_000);

    it("holds each notice of the lifecycle exactly once, newest first, with Thai and English text", async () => {
      // Published to the agencies' topics: the decisions; the inbox also tells completeness and the schedule.
      const published = stack.notifications.list({ applicationId: id }).map((e) => e.notification);
      expect(published.map((n) => n.kind)).toEqual(["fixRequested", "approved", "licenseIssued"]);
      const items = await inboxOf(applicant, id, 5);
      expect(items.map((i) => i.kind)).toEqual([
        "licenseIssued",
        "approved",
        "inspectionScheduled",
        "completenessConfirmed",
        "fixRequested",
      ]);
      expect(new Set(items.map((i) => i.id)).size).toBe(5);
      for (const n of published) expect(items.filter((i) => i.id === n.id)).toHaveLength(1);
      expect(items.map((i) => i.at)).toEqual([...items.map((i) => i.at)].sort().reverse());
      for (const item of items) {
        expect(item).toMatchObject({ applicationId: id, read: false, readAt: null, copy: false });
        expect(item.textTh).toMatch(/[ก-๙]/);
        expect(item.textEn).toContain(item.kind === "licenseIssued" ? "License" : id);
        expect(item.textTh).not.toContain("—");
      }
      // The fix deadline in Thai, with its Buddhist-era year.
      expect(items.find((i) => i.kind === "fixRequested")?.textTh).toMatch(/25\d\d/);
      expect(items.find((i) => i.kind === "approved")?.textTh).toContain("3,000");
      expect(items.find((i) => i.kind === "completenessConfirmed")?.textTh).toMatch(/ภายใน .*25\d\d/);
      expect(items.find((i) => i.kind === "inspectionScheduled")?.textTh).toContain("ณ ห้องครัว");
    });

    it("marks a notice read, idempotently (the first time stays)", async () => {
      const [newest] = await inboxOf(applicant, id, 5);
      const first = await applicant.post<InboxItem>(`/notifications/${newest!.id}/read`);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ id: newest!.id, read: true });
      const again = await applicant.post<InboxItem>(`/notifications/${newest!.id}/read`);
      expect([again.status, again.body.readAt]).toEqual([200, first.body.readAt]);
      const after = await inboxOf(applicant, id, 5);
      expect(after.map((i) => i.read)).toEqual([true, false, false, false, false]);
    });

    it("shows none of them to another user, and marking one of them is 404 with Thai and English", async () => {
      expect(await inboxOf(applicant2, id, 0)).toEqual([]);
      expect(await inboxOf(officer, id, 0)).toEqual([]);
      const [item] = await inboxOf(applicant, id, 5);
      const theirs = await applicant2.post(`/notifications/${item!.id}/read`);
      expect([theirs.status, theirs.body.code]).toEqual([404, "NOTICE_NOT_FOUND"]);
      expect(theirs.body.titleTh).toMatch(/[ก-๙]/);
      // Nothing changed for the owner.
      expect((await inboxOf(applicant, id, 5)).find((i) => i.id === item!.id)?.readAt).toBe(item!.readAt);
    });

    it("refuses a bad cursor and a bad notice id with 400 in Thai and English", async () => {
      const cursor = await applicant.get(
        `/notifications?cursor=${Buffer.from("nope").toString("base64url")}`,
      );
      expect([cursor.status, cursor.body.code]).toEqual([400, "INVALID_CURSOR"]);
      expect(cursor.body.detailTh).toMatch(/[ก-๙]/);
      const badId = await applicant.post("/notifications/%20DROP/read");
      expect(badId.status).toBe(400);
      expect(badId.body.titleTh).toMatch(/[ก-๙]/);
    });

    it("keeps the operator's notification log, and each person's message in the outbox", async () => {
      const operator = await ApiClient.signIn(stack.url, "operator");
      const log = await operator.get<{ items: { notification: { id: string } }[] }>(
        `/local/notifications?applicationId=${id}`,
      );
      expect(log.body.items).toHaveLength(3);
      const outbox = await operator.get<{ items: { noticeId: string; to: { userId: string } }[] }>(
        `/local/outbox?applicationId=${id}`,
      );
      // One message per notice, each to the applicant (the inbox-only notices too).
      expect(outbox.body.items.map((m) => m.to.userId)).toEqual(Array(5).fill(sub("applicant")));
    });
  });

  it("sends an overdue notice to the applicant, every OPDC user and the agency's supervisor, once each", async () => {
    await stack.reset();
    await stack.advanceClock(bangkok("2027-03-01T10:00"));
    const d = { applicant, officer };
    const { id } = await submitApplication(d, foodLicenseTypeId);
    await stack.advanceClock(bangkok("2027-03-03T10:00"));
    const act = (action: Record<string, unknown>) =>
      officer.post(`/officer/applications/${id}/actions`, action);
    expect((await act({ action: "confirm-complete" })).status).toBe(200);
    await officer.waitForStep(id, "inspection");
    await stack.advanceClock(bangkok("2027-03-15T10:00"));
    expect((await act({ action: "record-inspection", result: "passed", findings: "ถูกต้อง" })).status).toBe(
      200,
    );
    await officer.waitForStep(id, "decision");
    const fired = await stack.advanceClock(bangkok("2027-04-03T09:00"));
    expect(fired.map((f) => f.kind)).toEqual(["escalation"]);

    const [overdue] = stack.notifications.list({ applicationId: id, topic: "overdueEscalations" });
    expect(overdue).toBeDefined();
    for (const [client, copy] of [
      [applicant, false],
      [opdc, true],
      [supervisor, true],
    ] as const) {
      const items = (await inboxOf(client, id, 1)).filter((i) => i.kind === "decisionOverdue");
      expect(items.map((i) => [i.id, i.copy])).toEqual([[overdue!.notification.id, copy]]);
      expect(items[0]?.textTh).toContain("ก.พ.ร.");
    }
    // Another agency's officer, a plain officer of the same agency and another applicant get nothing.
    for (const username of ["officer-other", "officer", "applicant2"]) {
      const client = await ApiClient.signIn(stack.url, username);
      expect(await inboxOf(client, id, 0), username).toEqual([]);
    }
    const operator = await ApiClient.signIn(stack.url, "operator");
    const log = await operator.get<{ items: unknown[] }>(
      `/local/notifications?applicationId=${id}&topic=overdueEscalations`,
    );
    expect(log.body.items).toHaveLength(1);
  }, 60_000);
});
