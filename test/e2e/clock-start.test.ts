import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalServerProcess, startLocalServerProcess } from "../../scripts/local-server-process";
import { ApiClient } from "../support/api-client";
import { submitApplication } from "../support/license-driver";

type Body = Record<string, unknown>;
const food = "food-premises-over-200sqm-klong-dan";
const start = "2026-04-10T17:00:00+07:00"; // Friday evening before Songkran 2026 (Mon 13 – Wed 15 April)

/**
 * A past case replayed: `npm start -- --fresh --clock <instant>` in another process, driven over HTTP
 * only. The clock starts on the Friday evening before Songkran 2026 and every rule follows it —
 * timestamps, working days (Songkran; later Visakha Bucha's substitution day, Mon 1 June), the
 * workflow's timers, the B.E. year of the license number — while tokens keep verifying.
 */
describe("a fresh local stack started in the past with --clock", () => {
  let dataDir: string;
  let server: LocalServerProcess | undefined;
  let operator: ApiClient;
  let applicant: ApiClient;
  let officer: ApiClient;
  let id: string;
  let licenseNumber: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "bizportal-clock-"));
    server = await startLocalServerProcess({ dataDir, args: ["--clock", start] });
    [operator, applicant, officer] = (await Promise.all(
      ["operator", "applicant", "officer"].map((u) => ApiClient.signIn(server!.url, u)),
    )) as [ApiClient, ApiClient, ApiClient];
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const act = (body: Body) => officer.post<Body>(`/officer/applications/${id}/actions`, body);
  const setClock = (instant: string) =>
    operator.post<{
      now: string;
      fired: { applicationId: string; step: string; kind: string; at: string }[];
    }>("/local/clock", { set: instant });

  it("starts at the given instant and says so", async () => {
    const clock = await operator.get<{ now: string; calendarWarning?: string }>("/local/clock");
    expect(clock.body.now).toMatch(/^2026-04-10T17:0\d:/);
    expect(clock.body.calendarWarning).toBeUndefined(); // 2026 is a verified year
    expect(server!.output()).toMatch(/clock: 2026-04-10T17:0\d:.*\(set by --clock\)/);
  });

  it("dates a food-premises submission in April 2026 and counts its check from Thursday 16 April, after Songkran", async () => {
    const { id: created, submitted } = await submitApplication({ applicant, officer }, food);
    id = created;
    expect(submitted.status).toBe(200);
    // Friday 17:00 is after hours; Sat–Sun, then Songkran Mon 13 – Wed 15 (no substitution day in 2026):
    // counting starts Thu 16 April 08:30, and the check's 15 min + 1 h end at 09:45.
    expect(submitted.body).toMatchObject({ status: "SUBMITTED", dueAt: "2026-04-16T02:45:00.000Z" });
    expect(submitted.body.calendarWarning).toBeUndefined();
    const app = await applicant.get<Body & { documents: Record<string, { attachedAt: string }> }>(
      `/applications/${id}`,
    );
    const stamps = [
      app.body.createdAt,
      app.body.submittedAt,
      ...Object.values(app.body.documents).map((d) => d.attachedAt),
    ];
    for (const stamp of stamps) expect(String(stamp)).toMatch(/^2026-04-10T10:0\d:/);
    // A presigned upload for another draft expires in 15 minutes of the stack's time too.
    const draft = await applicant.post<Body>("/applications", { licenseTypeId: food, formData: {} });
    const presign = await applicant.post<{ upload: { expiresAt: string } }>(
      `/applications/${String(draft.body.id)}/documents`,
      {
        documentKey: "idCard",
        fileName: "id.pdf",
        contentType: "application/pdf",
        size: 10,
        sha256: "a".repeat(64),
      },
    );
    expect([presign.status, presign.body.upload?.expiresAt.slice(0, 14)]).toEqual([201, "2026-04-10T10:"]);
  });

  it("counts the 30-day decision limit from Thursday 16 April and fires its timeout on the local clock", async () => {
    const complete = await act({ action: "confirm-complete" });
    // Day 1 is Thu 16 April (counting starts at 08:30), so day 30 is Fri 15 May, 16:30.
    expect(complete.body).toMatchObject({
      status: "DOCS_COMPLETE",
      decisionDueAt: "2026-05-15T09:30:00.000Z",
    });
    await officer.waitForStep(id, "inspection");
    await act({ action: "record-inspection", result: "passed", findings: "ถูกต้อง" });
    await officer.waitForStep(id, "decision");

    const before = await setClock("2026-05-15T16:29:00+07:00");
    expect(before.body.fired.filter((f) => f.applicationId === id)).toEqual([]);
    const after = await setClock("2026-05-15T16:31:00+07:00");
    // The wait's timeout is whole seconds from when it began: it fires a moment after the due time.
    const fired = after.body.fired.filter((f) => f.applicationId === id);
    expect(fired.map((f) => [f.step, f.kind])).toEqual([["AwaitDecision", "escalation"]]);
    const late = Date.parse(fired[0]!.at) - Date.parse("2026-05-15T16:30:00+07:00");
    expect(late >= 0 && late < 5_000, `fired at ${fired[0]!.at}`).toBe(true);
    const notices = await operator.get<{ items: { publishedAt: string }[] }>(
      `/local/notifications?applicationId=${id}&topic=overdueEscalations`,
    );
    expect(notices.body.items.map((n) => n.publishedAt.slice(0, 16))).toEqual(["2026-05-15T09:30"]);
  });

  it("skips Visakha Bucha (Sun 31 May) and its substitution day Mon 1 June 2026 when payment falls due", async () => {
    await setClock("2026-05-29T10:00:00+07:00");
    const approved = await act({ action: "approve", feeTHB: 3000 });
    // One calendar day from Friday 10:00 ends Saturday 30 May, a day off: it rolls past Sunday 31 May
    // (Visakha Bucha) and Monday 1 June (its substitution day) to Tuesday 2 June, 16:30.
    expect(approved.body).toMatchObject({ status: "APPROVED", dueAt: "2026-06-02T09:30:00.000Z" });

    await setClock("2026-06-02T10:00:00+07:00");
    await officer.waitForStep(id, "payment");
    const paid = await act({
      action: "confirm-payment",
      receiptNumber: "R-2569-0001",
      amountTHB: 3000,
      channel: "counter",
    });
    // One working day: Wed 3 June is Queen Suthida's birthday, so Thursday 4 June, 16:30.
    expect(paid.body).toMatchObject({ status: "PAYMENT_CONFIRMED", dueAt: "2026-06-04T09:30:00.000Z" });
  });

  it("issues the license under B.E. 2569 and keeps verifying tokens minted on real time", async () => {
    await officer.waitForStep(id, "licenseIssue");
    const issued = await act({ action: "issue-license" });
    expect(issued.status).toBe(200);
    licenseNumber = String(issued.body.licenseNumber);
    expect(licenseNumber).toMatch(/^[A-Z0-9]+-[A-Z0-9]+-2569-\d{6}$/);
    const verified = await new ApiClient(server!.url).get<Body>(`/licenses/${licenseNumber}/verify`);
    expect(verified.body).toMatchObject({ valid: true, number: licenseNumber });
    expect(String(verified.body.issuedAt)).toMatch(/^2026-06-02T/);
    const history = await applicant.get<{ items: { at: string }[] }>(`/applications/${id}/history`);
    for (const event of history.body.items) expect(event.at.slice(0, 7)).toMatch(/^2026-0[4-6]$/);

    // The tokens signed in at the start still verify after the clock moved 53 days: they keep real time.
    const token = await fetch(`${server!.url}/local/token`, {
      method: "POST",
      body: JSON.stringify({ username: "officer" }),
    }).then((r) => r.json() as Promise<{ id_token: string }>);
    expect(Math.abs(decodeJwt(token.id_token).iat! * 1000 - Date.now())).toBeLessThan(60_000);
  });

  it("says so with the due date when the counting crosses into 2027, whose holidays are provisional", async () => {
    await setClock("2026-12-30T10:00:00+07:00");
    const second = await submitApplication({ applicant, officer }, food);
    expect(second.submitted.body.calendarWarning).toBeUndefined(); // due the same day, 11:15
    const complete = await officer.post<Body>(`/officer/applications/${second.id}/actions`, {
      action: "confirm-complete",
    });
    expect(complete.body).toMatchObject({
      decisionDueAt: "2027-01-29T09:30:00.000Z",
      calendarWarning: { coverage: "provisional", years: [2027], calendarVersion: "2026-12-03" },
    });
    const history = await officer.get<{
      items: { action: string; calendarWarning?: { messageTh: string } }[];
    }>(`/applications/${second.id}/history`);
    expect(
      history.body.items.find((e) => e.action === "confirm-complete")?.calendarWarning?.messageTh,
    ).toContain("2570");
  });

  it("refuses a restart with --clock on the same data folder, and goes on from where it was without it", async () => {
    await server!.stop();
    server = undefined;
    await expect(
      startLocalServerProcess({ dataDir, fresh: false, args: ["--clock", start] }),
    ).rejects.toThrow(
      /exited \(2\)[\s\S]*--clock only sets the clock of an empty data folder[\s\S]*Add --fresh/,
    );

    server = await startLocalServerProcess({ dataDir, fresh: false });
    const clock = await new ApiClient(server.url, await tokenOf(server.url, "operator")).get<{ now: string }>(
      "/local/clock",
    );
    expect(clock.body.now).toMatch(/^2026-12-30T1\d:/);
    const verified = await new ApiClient(server.url).get<Body>(`/licenses/${licenseNumber}/verify`);
    expect(verified.body).toMatchObject({ valid: true });
  }, 120_000);
});

async function tokenOf(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/local/token`, { method: "POST", body: JSON.stringify({ username }) });
  return ((await res.json()) as { id_token: string }).id_token;
}
