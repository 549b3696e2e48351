import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../../../shared/catalog/importer/cells/document-cell";
import { parseStep } from "../../../../shared/catalog/importer/cells/step-cell";

/**
 * The cell parsers over every step row and every document row of 004, found with a plain regex here
 * (not with the layout reader), against the counts in MANUALS.md §2–3 and the process index (286 steps,
 * 663 documents).
 */

const manual = readFileSync(
  new URL("../../../../shared/catalog/manuals/004_b56cf68574dc7238.txt", import.meta.url),
  "utf8",
).split("\n");

/** `| n | ประเภท… | time |`, also `| n ประเภท… | time |`, `| | ประเภท…`, `| <p>1. ประเภท…` (MANUALS.md §5). */
const stepRow =
  /^\|\s*(?:<p>)?\s*(\d*)\s*\.?\s*\|?\s*((?:<p>)?\s*(?:\d+\s*\.?\s*)?ประเภท.*?)\s*\|\s*([^|]*?)\s*\|\s*$/;
const documentRow = /^\|\s*(\d+)\s*\|\s*(.*?)\s*\|\s*$/;
const categoryWord = /เอกสาร(?:ยืนยันตัวตน|เพิ่มเติม)/;

const steps = manual.flatMap((line, i) => {
  const m = line.match(stepRow);
  if (!m) return [];
  const [, seq = "", text = "", time = ""] = m;
  // A document row whose name holds "ประเภท" ("…ในแต่ละประเภทกิจการ") is not a step.
  if (!/^\s*(?:<p>)?\s*(?:\d+\s*\.?\s*)?ประเภท/.test(text)) return [];
  return [
    parseStep(
      { seq: seq ? Number(seq) : null, text: { text, src: i + 1 }, duration: { text: time, src: i + 1 } },
      0,
    ),
  ];
});

const documents = manual.flatMap((line, i) => {
  const m = line.match(documentRow);
  const [, seq = "", text = ""] = m ?? [];
  if (!m || !categoryWord.test(text) || /^\s*(?:<p>)?\s*ประเภท/.test(text)) return [];
  return [parseDocument({ seq: Number(seq), text: { text, src: i + 1 } })];
});

const tally = (values: string[]) =>
  values.reduce<Record<string, number>>((t, v) => Object.assign(t, { [v]: (t[v] ?? 0) + 1 }), {});

describe("004, every step row", () => {
  it("finds the index's 286 steps, every duration with a number and a unit", () => {
    expect(steps).toHaveLength(286);
    expect(steps.filter(({ step }) => step.duration?.unit && step.duration.min !== null)).toHaveLength(286);
    expect(steps.flatMap(({ warnings }) => warnings.filter((w) => w.code === "durationAmbiguous"))).toEqual(
      [],
    );
    expect(tally(steps.map(({ step }) => step.duration?.unit ?? "none"))).toEqual({
      day: 148,
      workingDay: 27,
      hour: 32,
      minute: 79,
    });
  });

  it("reads the type labels as MANUALS.md §2 counts them", () => {
    expect(tally(steps.map(({ step }) => step.stepType))).toEqual({
      documentCheck: 111,
      consideration: 102,
      signingOrCommittee: 31,
      feePayment: 20,
      orderNotice: 19,
      // "ประเภท" with free text instead of a label: lines 234, 1675, 2708
      other: 3,
    });
    const fused = steps.flatMap(({ warnings }) => warnings.filter((w) => w.code === "stepTypeFused"));
    // the three above, plus two labels run into their description (lines 330 and 486)
    expect(fused.map((w) => w.src).filter((src) => [234, 1675, 2708].includes(src))).toEqual([
      234, 1675, 2708,
    ]);
    expect(fused.map((w) => w.src)).toEqual([234, 330, 486, 1675, 2708]);
  });

  it("finds a responsible unit or reports the placeholder", () => {
    const placeholders = steps.filter(({ warnings }) => warnings.some((w) => w.code === "placeholder"));
    const withUnit = steps.filter(({ step }) => step.responsibleUnit);
    expect(placeholders).toHaveLength(83);
    expect(withUnit.length).toBeGreaterThan(80);
    // No unit is a placeholder or a case note taken for an office.
    for (const { step } of withUnit) expect(step.responsibleUnit).not.toMatch(/ระบุ|^กรณี|^\d/);
    for (const { step } of steps) expect(step.description.length).toBeGreaterThan(0);
  });
});

describe("004, every document row", () => {
  const parsed = documents.map((d) => d.document);

  it("finds the index's 663 documents, each with a category (MANUALS.md §3: 204 identity, 459 additional)", () => {
    expect(parsed).toHaveLength(663);
    expect(tally(parsed.map((d) => String(d.category)))).toEqual({ identity: 204, additional: 459 });
  });

  it("reads the counts as MANUALS.md §3 tallies them", () => {
    const kind = (d: (typeof parsed)[number]) =>
      d.originals !== null && d.copies !== null
        ? "both"
        : d.originals !== null
          ? `originals ${d.countUnit}`
          : d.copies !== null
            ? `copies ${d.countUnit}`
            : "none";
    expect(tally(parsed.map(kind))).toEqual({
      "copies ฉบับ": 202,
      "originals ชุด": 200,
      "originals ฉบับ": 113,
      "copies ชุด": 74,
      both: 62,
      // 11 × "อื่นๆ (ถ้ามี)" and the birth-certificate substitute (line 4020)
      none: 12,
    });
    expect(Math.max(...parsed.map((d) => d.originals ?? 0))).toBe(5); // up to 5 sets (line 411)
  });

  it("reports the contradictions and the rows that are not documents", () => {
    const codes = tally(documents.flatMap((d) => d.warnings.map((w) => w.code)));
    // MANUALS.md names line 1682; three more "สำเนา…" rows are counted as ฉบับจริง (408, 767, 808)
    expect(codes.copyCountedAsOriginal).toBe(4);
    // "(ฉบับจริง)" without a number: line 1731 and four commercial-registration rows like it
    expect(codes.countWithoutNumber).toBe(5);
    expect(codes.countsMissing).toBe(12);
    // rows that are a case ("กรณีที่มีการมอบอำนาจ ต้องมี…"), not a document name
    expect(codes.documentIsCondition).toBe(19);
    // No HTML or LaTeX left in a name ("fc > 65 ksc." is the formula's text, kept: lines 295, 357, 557, 662).
    expect(parsed.filter((d) => d.name.length === 0 || /<\/?[a-z]|\$|\\text/.test(d.name))).toEqual([]);
    expect(
      parsed.filter((d) => d.name.includes("fc > 65 ksc.") || d.name.includes("f_c > 65 ksc.")),
    ).toHaveLength(4);
  });
});
