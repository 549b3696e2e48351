import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { licenseTypeSchema } from "../../../shared/catalog";
import { buildCatalog, CatalogBuildError, serializeEntry } from "../../../shared/catalog/build/build-catalog";
import { readEntryFiles, readOverrides, readSources } from "../../../shared/catalog/build/catalog-files";
import type { Overrides } from "../../../shared/catalog/build/overrides";
import { importManual } from "../../../shared/catalog/importer/import-manual";

const sources = readSources();
const overrides = readOverrides();
const built = buildCatalog(sources, overrides);

/** The processes of each manual as the hand-made index lists them (its table of contents, checked). */
function indexOf(file: string): { seq: number; line: number; name: string }[] {
  const text = readFileSync(new URL(`../../fixtures/manuals/${file}`, import.meta.url), "utf8");
  const [head, ...rows] = text
    .trim()
    .split("\n")
    .map((l) => l.split("\t"));
  const col = (name: string) => head!.indexOf(name);
  return rows.map((r) => ({
    seq: Number(r[col("seq")]),
    line: Number(r[col("line_start")]),
    name: r[col("name_th")]!,
  }));
}

describe("the checked-in catalog", () => {
  it("is exactly what `npm run catalog` writes from the manuals and the overrides, byte for byte", () => {
    const files = readEntryFiles();
    const expected = new Map(built.entries.map((e) => [`${e.id}.json`, serializeEntry(e)]));
    expect([...files.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [file, text] of expected) expect(files.get(file), file).toBe(text);
  });

  it("keeps in history/ only earlier versions, each a valid entry named by its id and version", () => {
    const history = new URL("../../../shared/catalog/license-types/history/", import.meta.url);
    const files = existsSync(history) ? readdirSync(history) : [];
    for (const file of files) {
      const entry = licenseTypeSchema.parse(JSON.parse(readFileSync(new URL(file, history), "utf8")));
      expect(file).toBe(`${entry.id}@${entry.manual.version}.json`);
      expect(built.entries.find((e) => e.id === entry.id)?.manual.version).not.toBe(entry.manual.version);
    }
  });

  it.each([
    ["003", "003-process-index.tsv", "sao-wang-hin"],
    ["004", "004-process-index.tsv", "sao-khlong-dan"],
  ])("holds every process of %s's index, or says why not", (source, indexFile, agencyId) => {
    const entries = built.entries.filter((e) => e.manual.sourceFile.startsWith(source));
    expect(new Set(entries.map((e) => e.agencyId))).toEqual(new Set([agencyId]));
    const report = importManual(sources.find((s) => s.file.startsWith(source))!.text, {
      sourceFile: source,
      authorityId: agencyId,
    }).report;
    const missing: string[] = [];
    for (const process of indexOf(indexFile)) {
      const held = entries.some(
        (e) => e.manual.sourceLines[0] <= process.line && process.line <= e.manual.sourceLines[1],
      );
      if (held) continue;
      // Not imported: a word-for-word copy the importer reports, or a printing a reviewer dropped.
      const copy = report.warnings.some(
        (w) => w.code === "duplicateProcess" && Math.abs(w.src - process.line) <= 1,
      );
      const dropped = overrides.entries.some(
        (o) => o.drop && Math.abs(o.src - process.line) <= 1 && o.reason.length > 0,
      );
      if (!copy && !dropped) missing.push(`${process.seq} ${process.name} (line ${process.line})`);
    }
    expect(missing).toEqual([]);
  });

  it("counts 17 license types of อบต.วังหิน (16 processes, one split into new and closure) and 74 of อบต.คลองด่าน", () => {
    const count = (agency: string) => built.entries.filter((e) => e.agencyId === agency).length;
    expect(count("sao-wang-hin")).toBe(17);
    expect(count("sao-khlong-dan")).toBe(74);
  });

  it("derives a family for every entry, each with its reasons, and covers every family", () => {
    expect(new Set(built.entries.map((e) => e.family))).toEqual(
      new Set([
        "notification",
        "license",
        "licenseWithInspection",
        "licenseWithCommittee",
        "taxAssessment",
        "counterRegistration",
        "requestService",
        "licenseChange",
      ]),
    );
    for (const r of built.report)
      expect(
        r.reasons.some((x) => x.startsWith("family ")),
        r.id,
      ).toBe(true);
  });
});

describe("building the catalog", () => {
  const one = [sources.find((s) => s.file.startsWith("003"))!];
  const of003 = (o: Overrides): Overrides => ({
    entries: o.entries.filter((e) => e.process.startsWith("sao-wang-hin-")),
  });

  it("refuses an override for a process no manual has any more", () => {
    const stale = {
      entries: [
        ...of003(overrides).entries,
        { process: "sao-wang-hin-00000000", reason: "a process since removed", src: 1, nameEn: "Gone" },
      ],
    };
    expect(() => buildCatalog(one, stale)).toThrow(CatalogBuildError);
  });

  it("refuses an entry nobody has given an English name", () => {
    const without = of003(overrides).entries.map((e) =>
      e.process === "sao-wang-hin-20c198ae" ? { ...e, nameEn: undefined } : e,
    );
    expect(() => buildCatalog(one, { entries: without })).toThrow(/no reviewed English name/);
  });

  it("makes a changed fee a new version of that entry only", () => {
    const changed = {
      ...one[0]!,
      text: one[0]!.text.replace("8.1 จดทะเบียนพาณิชย์ตั้งใหม่ 50 บาท", "8.1 จดทะเบียนพาณิชย์ตั้งใหม่ 60 บาท"),
    };
    const before = buildCatalog(one, of003(overrides)).entries;
    const after = buildCatalog([changed], of003(overrides)).entries;
    const differs = after.filter((e, i) => e.manual.version !== before[i]!.manual.version).map((e) => e.id);
    expect(differs).toEqual(["sao-wang-hin-ada2cfc9"]);
    expect(after.map((e) => e.id)).toEqual(before.map((e) => e.id));
  });
});
