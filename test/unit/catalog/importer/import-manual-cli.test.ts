import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

/**
 * `npm run import-manual -- <manual.txt> --authority <id> --out <dir>` on a manual the importer has
 * never seen in this form: the Act's template as TAB-separated text, a fictional authority, Thai
 * digits, a B.E. date, markup in cells, headers repeated at page breaks, the Act's text at the end.
 */
const projectRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const out = mkdtempSync(join(tmpdir(), "import-manual-"));
const run = (...args: string[]) =>
  spawnSync(
    process.execPath,
    [join(projectRoot, "node_modules/tsx/dist/cli.mjs"), "scripts/import-manual.ts", ...args],
    {
      cwd: projectRoot,
      encoding: "utf8",
    },
  );

describe("npm run import-manual", () => {
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("writes one entry per process and report.json, and says what it read", () => {
    const result = run(
      "test/fixtures/manuals/template-tab-sample.txt",
      "--authority",
      "tm-ban-khok-ngam",
      "--out",
      out,
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("templateTable layout, 5 processes (authority: เทศบาลตำบลบ้านโคกงาม)");
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(6);
    expect(files).toContain("report.json");
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
    expect(report.processes).toHaveLength(5);
    for (const p of report.processes) {
      const entry = JSON.parse(readFileSync(join(out, `${p.id}.json`), "utf8"));
      expect(entry).toMatchObject({ id: p.id, agencyId: "tm-ban-khok-ngam", nameTh: p.title });
      expect(entry.manual.steps.length).toBeGreaterThan(0);
      for (const step of entry.manual.steps)
        expect(step.duration?.unit ?? null, `${p.id} ${step.src}`).not.toBeNull();
      expect(p.fields.steps.status).toBe("parsed");
      // The Act's text after the processes belongs to none of them.
      expect(JSON.stringify(entry)).not.toContain(
        "พระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. 2558 มาตรา",
      );
    }
  });

  it("refuses bad arguments with a usage line (exit 2) and a text that is no manual (exit 1)", () => {
    expect(run().status).toBe(2);
    expect(run("README.md", "--authority", "x").status).toBe(2);
    const notAManual = run("README.md", "--authority", "x", "--out", out);
    expect(notAManual.status).toBe(1);
    expect(notAManual.stderr).toContain("not a citizen manual");
  });
});
