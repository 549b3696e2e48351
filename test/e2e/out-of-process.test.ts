import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalServerProcess, startLocalServerProcess } from "../../scripts/local-server-process";
import { ApiClient } from "../support/api-client";
import { submitApplication } from "../support/license-driver";

/**
 * Acceptance from outside the process: `npm start` runs as a child, and this test talks to it over
 * HTTP only — the operator moves the clock past a decision deadline and reads the notification log.
 */
describe("the running server, driven over HTTP from another process", () => {
  let server: LocalServerProcess;
  let operator: ApiClient;
  let applicant: ApiClient;
  let officer: ApiClient;

  beforeAll(async () => {
    server = await startLocalServerProcess();
    [operator, applicant, officer] = (await Promise.all(
      ["operator", "applicant", "officer"].map((u) => ApiClient.signIn(server.url, u)),
    )) as [ApiClient, ApiClient, ApiClient];
  }, 90_000);
  afterAll(() => server?.stop());

  const clock = (body: unknown) =>
    operator.post<{
      now: string;
      fired: { applicationId: string; step: string; kind: string; at: string }[];
    }>("/local/clock", body);

  it("sends the overdue notice with its OPDC copy when the clock passes the deadline, and none after the decision", async () => {
    const set = await clock({ set: "2027-03-01T10:00:00+07:00" });
    expect(set.status).toBe(200);
    expect(set.body.now.startsWith("2027-03-01T10:00:00")).toBe(true);

    const { id } = await submitApplication({ applicant, officer }, "food-premises-over-200sqm-klong-dan");
    const complete = await officer.post(`/officer/applications/${id}/actions`, {
      action: "confirm-complete",
    });
    const due = new Date(String(complete.body.decisionDueAt));
    await officer.waitForStep(id, "inspection");
    await officer.post(`/officer/applications/${id}/actions`, {
      action: "record-inspection",
      result: "passed",
      findings: "ถูกต้อง",
    });
    await officer.waitForStep(id, "decision");

    const past = await clock({ set: new Date(due.getTime() + 3_600_000).toISOString() });
    expect(past.body.fired.filter((f) => f.applicationId === id).map((f) => [f.step, f.kind])).toEqual([
      ["AwaitDecision", "escalation"],
    ]);
    expect(past.body.fired[0]?.at).toMatch(/\+07:00$/);

    const history = await applicant.get<{ items: { action: string; data?: { copiedTo?: string[] } }[] }>(
      `/applications/${id}/history`,
    );
    expect(history.body.items.find((e) => e.action === "overdue-notice")?.data?.copiedTo).toContain("opdc");
    const log = await operator.get<{
      items: {
        topic: string;
        publishedAt: string;
        notification: { kind: string; recipients: { role: string }[] };
      }[];
    }>(`/local/notifications?applicationId=${id}&topic=overdueEscalations`);
    expect(log.body.items).toHaveLength(1);
    expect(log.body.items[0]?.notification.recipients.map((r) => r.role)).toEqual([
      "applicant",
      "opdc",
      "agency-supervisor",
    ]);

    const approved = await officer.post(`/officer/applications/${id}/actions`, {
      action: "approve",
      feeTHB: 3000,
    });
    expect(approved.body.status).toBe("APPROVED");
    const later = await clock({ advance: "P14D" });
    expect(later.body.fired.filter((f) => f.applicationId === id && f.kind === "escalation")).toEqual([]);
    const after = await operator.get<{ items: unknown[] }>(
      `/local/notifications?applicationId=${id}&topic=overdueEscalations`,
    );
    expect(after.body.items).toHaveLength(1);
  });

  it("refuses the operator API to other roles and bad input with problem+json", async () => {
    expect((await applicant.get("/local/clock")).status).toBe(403);
    expect((await new ApiClient(server.url).get("/local/clock")).status).toBe(401);
    const bad = await operator.post("/local/clock", { advance: "seven days" });
    expect([bad.status, bad.body.code, bad.contentType.startsWith("application/problem+json")]).toEqual([
      400,
      "INVALID_REQUEST",
      true,
    ]);
    const back = await operator.post("/local/clock", { set: "2020-01-01T00:00:00+07:00" });
    expect([back.status, back.body.code]).toEqual([409, "CLOCK_CANNOT_GO_BACK"]);
  });
});
