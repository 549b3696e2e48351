import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { findLicenseType, type LicenseType, licenseTypeSchema } from "../../../shared/catalog";
import { entryVersion } from "../../../shared/catalog/build/build-catalog";
import { buildDraftFormSchema, buildFormSchema } from "../../../shared/catalog/form-schema";
import { cleanText } from "../../../shared/catalog/importer/manual-text";
import { parseManualDuration } from "../../../shared/domain/working-days";

/**
 * Shared checks of catalog entries against the manual excerpt they were transcribed from. A fixture
 * holds the source lines `first`..`last` of one seed, so source line N is fixture line N − first + 1.
 */
export interface Excerpt {
  text: string;
  lines: string[];
  /** Number of source lines in the excerpt (the file ends with a newline). */
  lineCount: number;
  first: number;
  /** The text of source line `src`. */
  line(src: number): string;
  /** The source line number of the first line starting with `prefix`. */
  find(prefix: string): number;
}

export function loadExcerpt(fixture: string, first: number): Excerpt {
  const text = readFileSync(new URL(`../../fixtures/manuals/${fixture}`, import.meta.url), "utf8");
  const lines = text.split("\n");
  return {
    text,
    lines,
    lineCount: lines.length - 1,
    first,
    line(src) {
      const l = src >= first ? lines[src - first] : undefined;
      if (l === undefined || src - first >= lines.length - 1)
        throw new Error(`Source line ${src} is outside the excerpt`);
      return l;
    },
    find(prefix) {
      const i = lines.findIndex((l) => l.startsWith(prefix));
      if (i < 0) throw new Error(`No line starts with ${prefix}`);
      return i + first;
    },
  };
}

/** The text with no markup and no spaces: what two readings of one line have in common. */
export const squeeze = (text: string) => cleanText(text).replace(/\s+/g, "");

/** A table row's cells, trimmed, without the empty ends. */
export const cells = (line: string) =>
  line
    .split("|")
    .slice(1, -1)
    .map((c) => c.trim());

/** The text as a reader sees it: HTML tags out, whitespace (no-break spaces too) collapsed. */
export const plain = (text: string) =>
  text
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/**
 * A 004 table row: its number and its other cells. The number is its own cell, or (in a table that
 * lost a column) the start of the first cell ("| 1 ประเภท… | 15 นาที |").
 */
export function tableRow(line: string): { seq: number | null; cells: string[] } {
  const cs = cells(line);
  const first = cs[0] ?? "";
  if (/^\d+$/.test(first)) return { seq: Number(first), cells: cs.slice(1) };
  const fused = /^(\d+) (.*)$/.exec(first);
  if (fused) return { seq: Number(fused[1]), cells: [fused[2]!, ...cs.slice(1)] };
  return { seq: null, cells: cs };
}

/** The raw text of a 004 fee row: its cells after the number, as printed, joined by " | ". */
export const feeRowRaw = (line: string) => tableRow(line).cells.join(" | ");

/** A 003 list item ("\u00a0 \u00a0\t1.บัตรประจำตัว…"): its number and the text after it, as printed. */
export function listItem(line: string): { seq: number; raw: string } | undefined {
  const m = /^[\s\u00a0]*(\d+)\.(.*)$/.exec(line);
  return m ? { seq: Number(m[1]), raw: m[2]! } : undefined;
}

export interface EntryExpectations {
  source: "003" | "004";
  excerpt: Excerpt;
  /** The document's number and raw text as the layout prints them on a line. */
  documentRow: (line: string) => { seq: number | null; raw: string } | undefined;
  /** How a fee's raw text appears on its line: the whole line (prose) or a table row. */
  feeRaw?: (line: string) => string;
  /** Documents the manual gives no condition for but that are still not required (see warnings). */
  impliedConditional?: string[];
  /** A complete form, as an applicant would submit it. */
  sampleForm: Record<string, unknown>;
}

/** The checks every transcribed entry passes; call inside a describe block. */
export function itIsAFaithfulTranscription(entry: unknown, x: EntryExpectations): void {
  const licenseType: LicenseType = licenseTypeSchema.parse(entry);
  const { manual } = licenseType;
  const { excerpt } = x;

  it("validates against the schema and is what the catalog serves under its id", () => {
    expect(licenseTypeSchema.safeParse(entry).success).toBe(true);
    expect(findLicenseType(licenseType.id)).toEqual(licenseType);
  });

  it("names its source file, lines within the excerpt, and a version of its whole content", () => {
    expect(manual.sourceFile.startsWith(`${x.source}_`)).toBe(true);
    expect(manual.sourceLines[0]).toBeGreaterThanOrEqual(excerpt.first);
    expect(manual.sourceLines[1]).toBeLessThanOrEqual(excerpt.first + excerpt.lineCount - 1);
    expect(manual.version).toBe(entryVersion(licenseType));
  });

  it("copies every document's raw text from the line its src names", () => {
    for (const doc of manual.documents) {
      const row = x.documentRow(excerpt.line(doc.src));
      expect(row, `document ${doc.key} at ${doc.src}`).toEqual({ seq: doc.seq, raw: doc.raw });
      // The name is the row's text before its counts, less the cases in parentheses it carried.
      const withoutCases = doc.raw.replace(/\(\(?(?:(?:ใน)?กรณี|หาก|ถ้ามี)[^()]*\)?\)/g, "");
      expect(squeeze(withoutCases), doc.key).toContain(squeeze(doc.name));
    }
    const keys = manual.documents.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    const seqs = manual.documents.map((d) => d.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => (a ?? 0) - (b ?? 0)));
  });

  it("quotes each document's condition from its row, and never demands a conditional one of everyone", () => {
    for (const doc of manual.documents) {
      for (const condition of doc.condition?.split("; ") ?? [])
        expect(squeeze(doc.raw), doc.key).toContain(squeeze(condition));
      // Required only when the form's facts say so (a juristic person's papers): not of everyone.
      if (doc.requiredWhen !== undefined) expect(doc.requiredToSubmit, doc.key).toBe(false);
      if ((x.impliedConditional ?? []).includes(doc.key)) expect(doc.requiredToSubmit, doc.key).toBe(false);
    }
  });

  it("copies every fee's raw text from its line, or has none when the manual has no fee section", () => {
    if (manual.fees === null) {
      expect(x.feeRaw).toBeUndefined();
      return;
    }
    expect(manual.fees.length).toBeGreaterThan(0);
    for (const fee of manual.fees) expect(x.feeRaw!(excerpt.line(fee.src))).toBe(fee.raw);
  });

  it("stores what parseManualDuration reads from every raw duration", () => {
    const durations = [
      ...manual.steps.map((s) => s.duration),
      manual.totalDuration,
      manual.legalTimeLimit,
    ].filter((d) => d != null);
    for (const d of durations) expect(parseManualDuration(d.raw)).toEqual(d);
  });

  it("numbers its steps in order, each on a line of the excerpt", () => {
    expect(manual.steps.map((s) => s.seq)).toEqual(manual.steps.map((_, i) => i + 1));
    for (const step of manual.steps) expect(() => excerpt.line(step.src)).not.toThrow();
  });

  it("takes its criteria and notes from the excerpt's text, and its complaint channels from their rows", () => {
    const text = squeeze(excerpt.text);
    for (const c of [...manual.criteria, ...manual.criteriaNotes]) expect(text).toContain(squeeze(c));
    for (const c of manual.complaintChannels) {
      const row = excerpt.lines
        .map(tableRow)
        .find((r) => r.seq === c.seq && cleanText(r.cells[0] ?? "") === c.text);
      expect(row, `complaint channel ${c.seq}`).toBeDefined();
    }
  });

  it("reports every warning on a line of its own process", () => {
    for (const w of manual.warnings) {
      expect(w.src, `${w.code}@${w.src}`).toBeGreaterThanOrEqual(manual.sourceLines[0]);
      expect(w.src, `${w.code}@${w.src}`).toBeLessThanOrEqual(manual.sourceLines[1]);
    }
  });

  it("accepts a complete form on submit and an empty one as a draft", () => {
    const result = buildFormSchema(licenseType).safeParse(x.sampleForm);
    expect(result.error).toBeUndefined();
    expect(result.data).toEqual(x.sampleForm);
    expect(buildDraftFormSchema(licenseType).safeParse({}).success).toBe(true);
    const required = licenseType.form.filter((f) => f.required).map((f) => f.key);
    for (const key of required) {
      const { [key]: _left, ...partial } = x.sampleForm;
      expect(buildFormSchema(licenseType).safeParse(partial).success, `without ${key}`).toBe(false);
    }
  });
}

/** 004: the steps' table cells (description and duration) by source line. */
export function stepCells(
  excerpt: Excerpt,
  src: number,
): { seq: number | null; text: string; duration: string } {
  const row = tableRow(excerpt.line(src));
  return { seq: row.seq, text: plain(row.cells[0] ?? ""), duration: row.cells[1] ?? "" };
}
