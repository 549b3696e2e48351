import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LocalStartError } from "../../infra/local/clock-start";
import { type LocalStack, startLocalStack } from "../../infra/local/local-stack";
import { ApiClient } from "../support/api-client";
import { submittedFoodApplication } from "../support/draft";

/** `startLocalStack({ clockStartsAt })`: what `--clock` does, for tests that must start in the past. */
describe("a local stack started in the past by a test", () => {
  let stack: LocalStack | undefined;
  const logged: string[] = [];
  afterAll(() => stack?.stop());

  it("counts with 2024's calendar: Asalha Bucha Sat 20 + Lent Sun 21 July give one substitution day", async () => {
    stack = await startLocalStack({
      port: 0,
      clockStartsAt: new Date("2024-07-19T17:00:00+07:00"),
      log: (m) => logged.push(m),
    });
    expect(stack.clock.now().toISOString()).toMatch(/^2024-07-19T10:0\d:/);
    const applicant = await ApiClient.signIn(stack.url, "applicant");
    const id = await submittedFoodApplication(applicant, "asalha-2024");
    const app = await applicant.get(`/applications/${id}`);
    // Friday after hours → Sat 20, Sun 21, Mon 22 (the one substitution day) → Tue 23 July 08:30 + 1 h 15 min.
    expect(app.body).toMatchObject({ submittedAt: expect.stringMatching(/^2024-07-19T10:/) });
    expect(app.body.dueAt).toBe("2024-07-23T02:45:00.000Z");
    expect(logged.filter((m) => m.startsWith("Calendar warning"))).toEqual([]);
  });

  it("refuses a folder that already has data before starting anything", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bizportal-clock-used-"));
    try {
      await writeFile(join(dir, "clock.json"), JSON.stringify({ offsetMs: 0 }));
      const started = startLocalStack({
        port: 0,
        dataDir: dir,
        clockStartsAt: new Date("2026-04-10T10:00:00Z"),
      });
      await expect(started).rejects.toBeInstanceOf(LocalStartError);
      await expect(started).rejects.toThrow(/only sets the clock of an empty data folder/);
      expect(await readdir(dir)).toEqual(["clock.json"]); // nothing started, nothing written
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
