import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type LicenseType, licenseTypeSchema } from "../../../../shared/catalog";
import { reportedFields } from "../../../../shared/catalog/importer/field-report";
import { importManual, UnknownManualLayout } from "../../../../shared/catalog/importer/import-manual";
import { type Accuracy, accuracyAgainst, matchReviewed } from "./reviewed-accuracy";

const manual = (file: string) =>
  readFileSync(new URL(`../../../../shared/catalog/manuals/${file}`, import.meta.url), "utf8");
const handMadeDir = new URL("../../../fixtures/catalog-hand-made/", import.meta.url);
const wangHin = importManual(manual("003_8c463c005eb33cde.txt"), {
  sourceFile: "003_8c463c005eb33cde.txt",
  authorityId: "sao-wang-hin",
});
const khlongDan = importManual(manual("004_b56cf68574dc7238.txt"), {
  sourceFile: "004_b56cf68574dc7238.txt",
  authorityId: "sao-khlong-dan",
});

describe("importing a whole manual", () => {
  it("imports every process of 004 once, and the block printed twice with different text as two entries, reported", () => {
    expect(khlongDan.report.layout).toBe("templateTable");
    expect(khlongDan.report.authority).toBe("องค์การบริหารส่วนตำบลคลองด่าน");
    expect(khlongDan.entries).toHaveLength(75);
    expect(khlongDan.report.warnings).toContainEqual(
      expect.objectContaining({ code: "sameTitleDifferentContent", src: 778 }),
    );
    expect(new Set(khlongDan.entries.map((e) => e.id)).size).toBe(75);
  });

  it("imports 003's seventeen flowcharts as sixteen entries: process 15 repeats 14 word for word", () => {
    expect(wangHin.report.layout).toBe("flowchart");
    expect(wangHin.entries).toHaveLength(16);
    expect(wangHin.report.warnings).toContainEqual(expect.objectContaining({ code: "duplicateProcess" }));
    expect(wangHin.entries.map((e) => e.manual.sourceLines[0])).not.toContain(1159);
  });

  it("gives each process an id from its authority and title, the same on every import", () => {
    const again = importManual(manual("004_b56cf68574dc7238.txt"), {
      sourceFile: "004_b56cf68574dc7238.txt",
      authorityId: "sao-khlong-dan",
    });
    expect(again.entries.map((e) => [e.id, e.manual.version])).toEqual(
      khlongDan.entries.map((e) => [e.id, e.manual.version]),
    );
    for (const e of khlongDan.entries) expect(e.id).toMatch(/^sao-khlong-dan-[0-9a-f]{8}(-\d)?$/);
  });

  it("makes a changed fee a new version of the same entry", () => {
    const text = manual("004_b56cf68574dc7238.txt").replace(
      "| ค่าธรรมเนียมต่อฉบับ ฉบับละ 500 บาท | 500 บาท |",
      "| ค่าธรรมเนียมต่อฉบับ ฉบับละ 600 บาท | 600 บาท |",
    );
    const changed = importManual(text, {
      sourceFile: "004_b56cf68574dc7238.txt",
      authorityId: "sao-khlong-dan",
    });
    const before = khlongDan.entries.find((e) => e.nameTh === "การแจ้งถมดิน")!;
    const after = changed.entries.find((e) => e.id === before.id)!;
    expect(after.manual.fees).toEqual([expect.objectContaining({ kind: "fixed", amountTHB: 600 })]);
    expect(after.manual.version).not.toBe(before.manual.version);
    const others = (r: typeof khlongDan) =>
      r.entries.filter((e) => e.id !== before.id).map((e) => e.manual.version);
    expect(others(changed)).toEqual(others(khlongDan));
  });

  it("reports every field of every process with a status, and a line wherever it read something", () => {
    for (const { report } of [wangHin, khlongDan])
      for (const p of report.processes)
        for (const field of reportedFields) {
          const f = p.fields[field];
          expect(["parsed", "missing", "ambiguous"]).toContain(f.status);
          if (f.status === "parsed" && field !== "legalBasis")
            expect(f.src, `${p.id} ${field}`).toBeGreaterThan(0);
        }
    expect(khlongDan.report.totals.fees).toEqual({ parsed: 55, missing: 20, ambiguous: 0 });
    expect(khlongDan.report.totals.totalDuration).toEqual({ parsed: 73, missing: 2, ambiguous: 0 });
  });

  it("never invents: a process without a fee section has fees null, a document without a glossary name has no English name", () => {
    const noFees = khlongDan.entries.filter((e) => e.manual.fees === null);
    expect(noFees).toHaveLength(20);
    const docs = khlongDan.entries.flatMap((e) => e.manual.documents);
    expect(docs.filter((d) => d.nameEn === null).length).toBeGreaterThan(0);
    for (const d of docs) expect(d.key).toMatch(/^[a-z][a-zA-Z0-9]*$/);
  });

  it("refuses a text that is no citizen manual", () => {
    expect(() =>
      importManual("# README\n\nnothing here", { sourceFile: "README.md", authorityId: "x" }),
    ).toThrow(UnknownManualLayout);
  });
});

/**
 * The eight entries people transcribed from the manuals and reviewed before the importer existed
 * (as they stood at commit 8705416): the measure of the importer's reading, independent of it.
 */
const handMade: LicenseType[] = readdirSync(handMadeDir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => licenseTypeSchema.parse(JSON.parse(readFileSync(new URL(f, handMadeDir), "utf8"))));

describe("accuracy against the entries transcribed and reviewed by hand", () => {
  const reviewed = handMade;
  const byManual = (file: string) => (file.startsWith("003") ? wangHin : khlongDan);

  it("matches every reviewed entry to an imported process", () => {
    for (const r of reviewed)
      expect(matchReviewed(r, byManual(r.manual.sourceFile).entries), r.id).not.toBeNull();
  });

  it.each(["003", "004"])("reads %s's reviewed fields exactly, but for the differences listed", (prefix) => {
    const acc: Accuracy = { exact: 0, total: 0, misses: [] };
    for (const r of reviewed.filter((t) => t.manual.sourceFile.startsWith(prefix))) {
      const entry = matchReviewed(r, byManual(r.manual.sourceFile).entries)!;
      accuracyAgainst(r, entry, acc);
    }
    console.log(`${prefix}: ${acc.exact}/${acc.total} reviewed fields exact\n  ${acc.misses.join("\n  ")}`);
    expect(acc.total).toBeGreaterThan(0);
    // Measured when the importer landed: 004 195/196, 003 37/42 (the rest: cases split by review).
    expect(acc.exact / acc.total).toBeGreaterThanOrEqual(prefix === "004" ? 0.99 : 0.88);
  });
});
