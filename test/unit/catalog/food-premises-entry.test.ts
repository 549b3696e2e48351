import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findLicenseType, licenseTypeSchema } from "../../../shared/catalog";
import { documentsRequiredToSubmit } from "../../../shared/catalog/fact-condition";
import { buildDraftFormSchema, buildFormSchema } from "../../../shared/catalog/form-schema";
import entry from "../../../shared/catalog/license-types/food-premises-over-200sqm-klong-dan.json" with {
  type: "json",
};
import { parseManualDuration, sumStepDurations } from "../../../shared/domain/working-days";
import { completeFoodForm, foodLicenseTypeId } from "../../support/api-client";

/**
 * The catalog entry is a transcription of the manual: every raw text and line reference must be
 * traceable to the excerpt (source lines 2630–2681; source line N is fixture line N − 2629).
 */
const fixtureText = readFileSync(
  new URL("../../fixtures/manuals/004-food-premises-over-200sqm.txt", import.meta.url),
  "utf8",
);
const fixtureLines = fixtureText.split("\n");
const FIRST_SOURCE_LINE = 2630;
/** The text of source line `src`. */
const sourceLine = (src: number): string => {
  const line = fixtureLines[src - FIRST_SOURCE_LINE];
  if (line === undefined) throw new Error(`Source line ${src} is outside the excerpt`);
  return line;
};
/** A table row's cells, trimmed, without the empty ends. */
const cells = (line: string) =>
  line
    .split("|")
    .slice(1, -1)
    .map((c) => c.trim());
/** The text as a reader sees it: HTML tags out, whitespace collapsed. */
const plain = (text: string) =>
  text
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

const licenseType = licenseTypeSchema.parse(entry);
const { manual } = licenseType;

describe("the food-premises catalog entry", () => {
  it("validates against the license type schema and is the one the catalog serves", () => {
    expect(licenseTypeSchema.safeParse(entry).success).toBe(true);
    expect(findLicenseType(foodLicenseTypeId)).toEqual(licenseType);
    expect(licenseType.code).toBe("FOOD200");
  });

  it("covers exactly the excerpt's lines, and starts with the manual's title", () => {
    expect(manual.sourceLines).toEqual([2630, 2680]);
    const lineCount = fixtureText.split("\n").length - 1;
    expect(lineCount).toBeGreaterThanOrEqual(manual.sourceLines[1] - manual.sourceLines[0] + 1);
    expect(sourceLine(2630)).toBe(manual.title);
  });
});

describe("every document's raw text is on the line its src names", () => {
  it.each(manual.documents.map((d) => [d.key, d] as const))("%s", (_key, doc) => {
    const line = sourceLine(doc.src);
    expect(cells(line)).toEqual([String(doc.seq), doc.raw]);
    expect(doc.raw.startsWith(doc.name)).toBe(true);
  });

  it("lists the seven documents in the manual's order, on consecutive lines 2667–2673", () => {
    expect(manual.documents.map((d) => d.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(manual.documents.map((d) => d.src)).toEqual([2667, 2668, 2669, 2670, 2671, 2672, 2673]);
  });

  it("marks the power of attorney as conditional, with the manual's own words", () => {
    const conditional = manual.documents.filter((d) => !d.requiredToSubmit && !d.requiredWhen);
    expect(conditional.map((d) => d.key)).toEqual(["powerOfAttorney"]);
    expect(conditional[0]?.condition).toBe("ในกรณีที่มีการมอบอำนาจ");
    expect(conditional[0]?.raw).toContain(conditional[0]?.condition);
  });

  it("asks a juristic person's papers only of a juristic person (issue 15: not of a natural person)", () => {
    const juristic = manual.documents.filter((d) => d.requiredWhen);
    expect(juristic.map((d) => [d.key, d.requiredWhen])).toEqual([
      ["juristicPersonCertificate", { field: "operatorType", equals: "juristicPerson" }],
      ["signatoryEvidence", { field: "operatorType", equals: "juristicPerson" }],
    ]);
    const keys = (operatorType: string) =>
      documentsRequiredToSubmit(findLicenseType(foodLicenseTypeId)!, { operatorType }).map((d) => d.key);
    expect(keys("naturalPerson")).not.toContain("juristicPersonCertificate");
    expect(keys("juristicPerson")).toEqual(
      expect.arrayContaining(["juristicPersonCertificate", "signatoryEvidence"]),
    );
  });
});

describe("the fee", () => {
  it("is the fee line of the manual, read as a cap of 3,000 THB", () => {
    expect(manual.fees).toHaveLength(1);
    const fee = manual.fees![0]!;
    expect(sourceLine(fee.src)).toBe(fee.raw);
    expect(fee.raw).toContain("ฉบับละไม่เกิน 3,000 บาทต่อปี");
    expect(fee).toMatchObject({ kind: "cap", maxTHB: 3000 });
  });
});

describe("the steps", () => {
  it("each point at their table row, whose description and notes they carry", () => {
    for (const step of manual.steps) {
      const row = cells(sourceLine(step.src));
      expect(row[0]).toBe(String(step.seq));
      const text = plain(row[1] ?? "");
      expect(text.startsWith(step.stepTypeRaw ?? "")).toBe(true);
      expect(text).toContain(step.description);
      for (const note of step.notes ?? []) expect(text).toContain(note);
    }
  });

  it("have the durations of the table's duration cells", () => {
    const durationCells = manual.steps.map((s) => cells(sourceLine(s.src))[2]);
    expect(durationCells).toEqual(["15 นาที", "1 ชั่วโมง", "20 วัน", "8 วัน", "1 วัน"]);
    expect(manual.steps.map((s) => s.duration?.raw)).toEqual(durationCells);
  });

  it("store what parseManualDuration reads from each raw duration", () => {
    for (const step of manual.steps) {
      expect(step.duration).not.toBeNull();
      expect(parseManualDuration(step.duration!.raw)).toEqual(step.duration);
    }
  });

  it("map the manual's step types: two document checks, then consideration, notice, fee payment", () => {
    expect(manual.steps.map((s) => s.stepType)).toEqual([
      "documentCheck",
      "documentCheck",
      "consideration",
      "orderNotice",
      "feePayment",
    ]);
  });
});

describe("the stated total and the legal limit", () => {
  const totalLine = fixtureLines.findIndex((l) => l.startsWith("ระยะเวลาดำเนินการรวม")) + FIRST_SOURCE_LINE;

  it("take the stated total of 30 วัน from the manual's total line", () => {
    expect(totalLine).toBe(2663);
    expect(sourceLine(totalLine)).toBe("ระยะเวลาดำเนินการรวม 30 วัน");
    expect(manual.totalDuration).toEqual({ raw: "30 วัน", min: 30, max: 30, unit: "day" });
    expect(parseManualDuration("30 วัน")).toEqual(manual.totalDuration);
  });

  it("match the sum of the steps once sub-day steps round up to a day", () => {
    const sum = sumStepDurations(manual.steps.map((s) => s.duration));
    expect(sum).toMatchObject({ min: 30, max: 30, unit: "day", subDayRoundedUp: true, unknownSteps: 0 });
    expect(manual.totalDuration).toMatchObject({ min: sum.min, max: sum.max, unit: sum.unit });
  });

  it("quote the legal limit of 30 days from the consideration step's notes", () => {
    const limit = manual.legalTimeLimit!;
    expect(parseManualDuration(limit.raw)).toEqual(limit);
    expect(limit).toMatchObject({ max: 30, unit: "day", qualifier: "within" });
    expect(sourceLine(manual.steps[2]!.src)).toContain(`กฎหมายกำหนด${limit.raw}`);
  });
});

describe("the warnings", () => {
  const evidence: Record<string, string> = {
    htmlInCell: "<p>",
    placeholder: "(ระบุ)",
    responsibleUnitPlaceholder: "ให้ระบุไปตามบริบทของท้องถิ่น",
    tableSplit: "| | ขั้นตอนและส่วนงานที่รับผิดชอบ | ระยะเวลา |",
    totalNotSum: "ระยะเวลาดำเนินการรวม 30 วัน",
    typo: "ถนนปนาวิถี",
    wrongDistrict: "อำเภอบางปะกง",
    localOrdinance: "(ระบุตามข้อกำหนดของท้องถิ่น)",
  };

  it.each(manual.warnings.map((w) => [w.code, w] as const))("%s points at a line showing it", (code, w) => {
    expect(evidence[code]).toBeDefined();
    expect(sourceLine(w.src)).toContain(evidence[code]);
  });

  it("criteria are whole lines of the manual", () => {
    for (const criterion of [...manual.criteria, ...manual.criteriaNotes])
      expect(fixtureLines).toContain(criterion);
  });
});

describe("the application form", () => {
  it("accepts the complete form the end-to-end tests submit", () => {
    const result = buildFormSchema(licenseType).safeParse(completeFoodForm);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(completeFoodForm);
  });

  it("refuses on submit what a draft may leave out, and refuses 200 m² in both", () => {
    const { businessName: _b, ...partial } = completeFoodForm;
    expect(buildDraftFormSchema(licenseType).safeParse(partial).success).toBe(true);
    expect(buildFormSchema(licenseType).safeParse(partial).success).toBe(false);
    const at200 = { ...completeFoodForm, premisesAreaSqm: 200 };
    expect(buildFormSchema(licenseType).safeParse(at200).success).toBe(false);
    expect(buildDraftFormSchema(licenseType).safeParse(at200).success).toBe(false);
  });

  it("trims text and refuses an enum value the catalog does not offer", () => {
    const schema = buildFormSchema(licenseType);
    expect(schema.parse({ ...completeFoodForm, phone: " 02-707-5727 " }).phone).toBe("02-707-5727");
    expect(schema.safeParse({ ...completeFoodForm, kind: "restaurant" }).success).toBe(false);
  });
});
