import { documentsRequiredToSubmit } from "../shared/catalog/fact-condition";
/**
 * `npm run demo`: one story of the food premises license (004), told against a freshly started local
 * stack in another process, over HTTP only, with the clock moved instead of waited for. It prints a
 * timeline and exits non-zero as soon as an outcome differs from what the law expects.
 */

import { formatBangkok } from "../infra/local/operator/clock-command";
import { findLicenseType } from "../shared/catalog";
import { ApiClient, completeFoodForm, samplePdf } from "../test/support/api-client";
import { startLocalServerProcess } from "./local-server-process";

const bangkokTime = (iso: unknown) =>
  formatBangkok(new Date(String(iso)))
    .slice(0, 16)
    .replace("T", " ");
const sameMinute = (iso: unknown, expected: string) =>
  Math.abs(Date.parse(String(iso)) - Date.parse(expected)) < 60_000;

const food = findLicenseType("food-premises-over-200sqm-klong-dan")!;
type Body = Record<string, unknown>;

class Story {
  private failures = 0;
  constructor(private readonly operator: ApiClient) {}

  async now(): Promise<string> {
    return String((await this.operator.get<{ now: string }>("/local/clock")).body.now)
      .slice(0, 16)
      .replace("T", " ");
  }

  async line(actor: string, what: string, status: string, extra = ""): Promise<void> {
    console.log(
      `${(await this.now()).padEnd(17)} ${actor.padEnd(10)} ${what.padEnd(52)} ${status.padEnd(18)} ${extra}`,
    );
  }

  expect(ok: boolean, what: string): void {
    if (ok) return;
    this.failures++;
    console.log(`  ✗ expected: ${what}`);
  }

  get failed(): boolean {
    return this.failures > 0;
  }
}

async function main(): Promise<number> {
  const server = await startLocalServerProcess();
  try {
    const [operator, applicant, officer] = await Promise.all(
      ["operator", "applicant", "officer"].map((u) => ApiClient.signIn(server.url, u)),
    );
    const story = new Story(operator!);
    const clock = (body: Body) =>
      operator!.post<{ fired: { applicationId: string; kind: string; step: string }[] }>(
        "/local/clock",
        body,
      );
    const act = (id: string, body: Body) => officer!.post<Body>(`/officer/applications/${id}/actions`, body);
    const overdue = async (id: string) =>
      (
        await operator!.get<{
          items: { publishedAt: string; notification: { recipients: { role: string }[] } }[];
        }>(`/local/notifications?applicationId=${id}&topic=overdueEscalations`)
      ).body.items;
    console.log(`Biz Portal demo — ${food.nameTh}\nlocal stack at ${server.url}\n`);
    console.log(
      `${"time (Bangkok)".padEnd(17)} ${"actor".padEnd(10)} ${"what".padEnd(52)} ${"status".padEnd(18)} notice`,
    );

    // Monday 12 April 2027, 17:00: after office hours, the evening before Songkran (13–15 April).
    await clock({ set: "2027-04-12T17:00:00+07:00" });
    const created = await applicant!.post<Body>("/applications", {
      licenseTypeId: food.id,
      formData: completeFoodForm,
    });
    const id = String(created.body.id);
    for (const doc of documentsRequiredToSubmit(food, completeFoodForm))
      await applicant!.uploadDocument(id, doc.key, samplePdf(`demo-${doc.key}`));
    const submitted = await applicant!.post<Body>(`/applications/${id}/submit`);
    await story.line(
      "applicant",
      "submits after hours, before Songkran",
      String(submitted.body.status),
      `check due ${bangkokTime(submitted.body.dueAt)}`,
    );
    story.expect(
      sameMinute(submitted.body.dueAt, "2027-04-16T09:45:00+07:00"),
      "the check counts from Friday 16 April 08:30 (due 09:45)",
    );
    await officer!.waitForStep(id, "completenessCheck");

    await clock({ set: "2027-04-16T09:00:00+07:00" });
    const fix = await act(id, {
      action: "request-fix",
      items: [{ documentKey: "medicalCertificates", reason: "ใบรับรองแพทย์หมดอายุ" }],
      deadline: "2027-04-23T16:30:00+07:00",
    });
    await story.line(
      "officer",
      "requests a fix: medical certificates, by 23 April",
      String(fix.body.status),
      "fix request (SNS)",
    );
    story.expect(fix.body.status === "FIX_REQUESTED", "FIX_REQUESTED");
    await applicant!.waitForStep(id, "applicantFix");

    await clock({ set: "2027-04-19T10:00:00+07:00" });
    await applicant!.post(`/applications/${id}/fix-request/acknowledgement`);
    await applicant!.uploadDocument(id, "medicalCertificates", samplePdf("demo-new-certificate"));
    const fixed = await applicant!.post<Body>(`/applications/${id}/fixes`);
    await story.line("applicant", "acknowledges the memo, uploads, resubmits", String(fixed.body.status));
    story.expect(fixed.body.status === "RESUBMITTED", "RESUBMITTED before the deadline");
    await officer!.waitForStep(id, "completenessCheck");

    await clock({ set: "2027-04-20T10:00:00+07:00" });
    const complete = await act(id, { action: "confirm-complete" });
    const due = String(complete.body.decisionDueAt);
    await story.line(
      "officer",
      "confirms the documents complete: the clock starts",
      String(complete.body.status),
      `decision due ${bangkokTime(due)}`,
    );
    story.expect(
      Date.parse(due) === Date.parse("2027-05-20T16:30:00+07:00"),
      "the decision is due 30 days later, 20 May 16:30",
    );
    await officer!.waitForStep(id, "inspection");
    await act(id, { action: "record-inspection", result: "passed", findings: "สุขลักษณะถูกต้อง" });
    await story.line("officer", "records the site inspection", "UNDER_REVIEW");
    await officer!.waitForStep(id, "decision");

    for (const [days, expected] of [
      [0, 1],
      [7, 2],
      [14, 3],
    ] as const) {
      const at = new Date(Date.parse(due) + days * 86_400_000 + 60_000);
      await clock({ set: at.toISOString() });
      const notices = await overdue(id);
      const last = notices.at(-1);
      await story.line(
        "system",
        `decision overdue${days ? ` + ${days} days` : ""} (s.10)`,
        "UNDER_REVIEW",
        `overdue notice ${notices.length} → applicant, OPDC, supervisor`,
      );
      story.expect(notices.length === expected, `${expected} overdue notice(s)`);
      story.expect(JSON.stringify(last?.notification.recipients ?? []).includes("opdc"), "a copy to OPDC");
    }

    const approved = await act(id, { action: "approve", feeTHB: 3000 });
    await story.line(
      "officer",
      "approves with the manual's fee (3,000 baht)",
      String(approved.body.status),
      "approval (SNS)",
    );
    await officer!.waitForStep(id, "payment");
    const paid = await act(id, {
      action: "confirm-payment",
      channel: "counter",
      receiptNumber: "KD-2570-0001",
      amountTHB: 3000,
    });
    await story.line("officer", "confirms payment at the counter", String(paid.body.status));
    await officer!.waitForStep(id, "licenseIssue");
    const issued = await act(id, { action: "issue-license" });
    await story.line(
      "officer",
      `issues license ${String(issued.body.licenseNumber)}`,
      String(issued.body.status),
      "license issued (SNS)",
    );
    await officer!.waitForStep(id, "pickup");
    const collected = await act(id, { action: "confirm-pickup", collectedBy: "สมชาย ใจดี" });
    await story.line("officer", "records the pickup: the clock stops", String(collected.body.status));
    story.expect(collected.body.status === "COLLECTED", "COLLECTED");
    await clock({ advance: "P30D" });
    story.expect((await overdue(id)).length === 3, "no notice after the decision");
    const verified = await new ApiClient(server.url).get<Body>(
      `/licenses/${String(issued.body.licenseNumber)}/verify`,
    );
    story.expect(verified.body.valid === true, "the license verifies");

    console.log(
      story.failed ? "\nThe story did not go as the law expects." : "\nEvery step went as the law expects.",
    );
    return story.failed ? 1 : 0;
  } finally {
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
