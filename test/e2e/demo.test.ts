import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));

describe("npm run demo", () => {
  it("tells the food-premises story with its s.8 fix and three s.10 notices, exactly as the law expects", async () => {
    const { stdout } = await run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/demo.ts"], {
      cwd: root,
      env: { ...process.env, NODE_OPTIONS: "" },
      timeout: 150_000,
    });
    expect(stdout).toContain("Every step went as the law expects.");
    expect(stdout).not.toContain("✗");
    expect(stdout.match(/overdue notice \d/g)).toEqual([
      "overdue notice 1",
      "overdue notice 2",
      "overdue notice 3",
    ]);
    expect(stdout).toMatch(/2027-04-12 17:00 +applicant +submits after hours/);
  }, 180_000);
});
