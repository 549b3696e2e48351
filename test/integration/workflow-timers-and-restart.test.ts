import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type LocalStack, startLocalStack } from "../../infra/local/local-stack";
import { ApiClient, samplePdf } from "../support/api-client";
import { submittedFoodApplication } from "../support/draft";

/**
 * The state machine's timers and durability on the local stack: a fix deadline that passes returns
 * the application (s.8, TimeoutSecondsPath + Catch States.Timeout, fired on the movable clock, no
 * real waiting), and a restart resumes every waiting workflow from the stored task items.
 */
/** A restart test starts the whole local stack twice (Java included): slow on a loaded 2-core machine. */
const restartTestTimeoutMs = 90_000;

describe("workflow timers and restarts", () => {
  const stacks: LocalStack[] = [];
  let dataDir: string | undefined;
  afterAll(async () => {
    for (const s of stacks) await s.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it(
    "returns the application when the fix deadline passes, and refuses a late fix",
    async () => {
      const stack = await startLocalStack({ port: 0 });
      stacks.push(stack);
      const applicant = await ApiClient.signIn(stack.url, "applicant");
      const officer = await ApiClient.signIn(stack.url, "officer");
      const id = await submittedFoodApplication(applicant, "deadline");
      const deadline = new Date(stack.clock.now().getTime() + 3 * 86_400_000);
      await officer.post(`/officer/applications/${id}/actions`, {
        action: "request-fix",
        items: [{ documentKey: "houseRegistration", reason: "สำเนาไม่ชัด / copy unreadable" }],
        deadline: deadline.toISOString(),
      });
      await applicant.waitForStep(id, "applicantFix");

      const fired = await stack.advanceClock(new Date(deadline.getTime() + 1000));
      expect(fired).toMatchObject([{ applicationId: id, step: "AwaitApplicantFix", kind: "return" }]);
      // The wait's timeout is whole seconds from when it began: it fires within a second of the deadline.
      expect(Date.parse(fired[0]!.at) - deadline.getTime()).toBeGreaterThanOrEqual(0);
      expect(Date.parse(fired[0]!.at) - deadline.getTime()).toBeLessThan(1000);

      const app = await applicant.get(`/applications/${id}`);
      expect(app.body.status).toBe("RETURNED");
      expect(app.body.waitingFor).toEqual([]);
      expect(stack.engine.execution(id)?.status).toBe("SUCCEEDED");
      const notices = stack.notifications.list({ applicationId: id }).map((n) => n.notification.kind);
      expect(notices).toEqual(["fixRequested", "returned"]);
      const history = await applicant.get<{ items: { action: string; actor: { role: string } }[] }>(
        `/applications/${id}/history`,
      );
      expect(history.body.items.at(-1)).toMatchObject({ action: "return", actor: { role: "system" } });

      const late = await applicant.uploadDocument(id, "houseRegistration", samplePdf("too late"));
      expect(late.status).toBe(409);
      expect(late.body.code).toBe("DOCUMENTS_LOCKED");
      expect((await applicant.post(`/applications/${id}/fixes`)).status).toBe(409);
      // It starts a whole stack of its own, like the restart tests.
    },
    restartTestTimeoutMs,
  );

  it(
    "resumes a waiting workflow after a restart on the same data folder",
    async () => {
      dataDir = await mkdtemp(join(tmpdir(), "bizportal-restart-"));
      const first = await startLocalStack({ port: 0, dataDir });
      const applicant = await ApiClient.signIn(first.url, "applicant");
      const id = await submittedFoodApplication(applicant, "restart");
      await first.stop();

      const second = await startLocalStack({ port: 0, dataDir });
      stacks.push(second);
      expect(second.resumedTasks).toBe(1);
      const officer = await ApiClient.signIn(second.url, "officer");
      await officer.waitForStep(id, "completenessCheck");
      const complete = await officer.post(`/officer/applications/${id}/actions`, {
        action: "confirm-complete",
      });
      expect(complete.status).toBe(200);
      // The resumed execution goes on from where it waited: next it waits for the inspection.
      await officer.waitForStep(id, "inspection");
      const sameApplicant = await ApiClient.signIn(second.url, "applicant");
      expect((await sameApplicant.get(`/applications/${id}`)).body.status).toBe("DOCS_COMPLETE");
    },
    restartTestTimeoutMs,
  );

  it(
    "resumes a timed wait with the time it had left, so the overdue notice still goes out at the due time",
    async () => {
      const dir = await mkdtemp(join(tmpdir(), "bizportal-restart-timed-"));
      try {
        const first = await startLocalStack({ port: 0, dataDir: dir });
        const applicant = await ApiClient.signIn(first.url, "applicant");
        const officer = await ApiClient.signIn(first.url, "officer");
        const id = await submittedFoodApplication(applicant, "restart-timed");
        const complete = await officer.post(`/officer/applications/${id}/actions`, {
          action: "confirm-complete",
        });
        await officer.waitForStep(id, "inspection");
        const due = new Date(String(complete.body.decisionDueAt));
        // Ten days pass before the stack stops; the clock (kept in the data folder) resumes there.
        await first.advanceClock(new Date(first.clock.now().getTime() + 10 * 86_400_000));
        await first.stop();

        const second = await startLocalStack({ port: 0, dataDir: dir });
        stacks.push(second);
        expect(second.clock.now().getTime()).toBeGreaterThan(due.getTime() - 21 * 86_400_000);
        const fired = await second.advanceClock(new Date(due.getTime() + 60_000));
        expect(fired.map((f) => [f.applicationId, f.step, f.kind])).toEqual([
          [id, "AwaitInspection", "escalation"],
        ]);
        expect(Math.abs(Date.parse(fired[0]!.at) - due.getTime())).toBeLessThan(5_000);
        expect(second.notifications.list({ applicationId: id, topic: "overdueEscalations" })).toHaveLength(1);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    restartTestTimeoutMs,
  );
});
