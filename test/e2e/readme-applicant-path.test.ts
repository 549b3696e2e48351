import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalStack, projectRoot, startLocalStack } from "../../infra/local/local-stack";

/**
 * Issue 16: the README shows the applicant's path as commands that run verbatim against `npm start`.
 * This runs the README's own block (between its applicant-path markers) with bash against a local
 * stack, and checks what it printed.
 */
const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const block = /<!-- applicant-path:start -->\s*```sh\n([\s\S]*?)```\s*<!-- applicant-path:end -->/.exec(
  readme,
)?.[1];

describe("the README's applicant path", () => {
  let stack: LocalStack;
  beforeAll(async () => {
    stack = await startLocalStack({ port: 0 });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it("runs as written, and the business's two applications, one document and the officer's download all show", async () => {
    expect(block).toBeDefined();
    // Asynchronously: the stack answers from this very process.
    const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        "bash",
        ["-euo", "pipefail", "-c", block!],
        { cwd: projectRoot, env: { ...process.env, API: stack.url }, timeout: 120_000, maxBuffer: 4_000_000 },
        (error, stdout, stderr) =>
          resolve({ status: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr }),
      );
    });
    expect(run.stderr, run.stdout.slice(-2000)).toBe("");
    expect(run.status, run.stdout.slice(-2000)).toBe(0);
    const out = run.stdout;
    expect(out).toContain("apply here");
    expect(out).toMatch(/"licenseTypeId":"food-premises-over-200sqm-klong-dan","agencyId":"sao-khlong-dan"/);
    expect(out).toMatch(/"licenseTypeId":"food-premises-over-200sqm-wang-hin","agencyId":"sao-wang-hin"/);
    // The certificate uploaded once is used by both applications.
    expect(out).toMatch(/\{"kind":"juristicPersonCertificate","usedBy":\["[0-9A-Z]+","[0-9A-Z]+"\]\}/);
    expect(out).toContain("SUBMITTED");
    expect(out).toContain("downloaded the verified file");
    expect(out).toMatch(/Z officer\n/);
    expect(out).toContain("applicant2 businesses/");
    for (const line of out
      .split("\n")
      .filter((l) => l.startsWith("applicant2 ") || l.startsWith("officer of ")))
      expect(line).toMatch(/: 404$/);
  }, 150_000);
});
