import { describe, expect, it } from "vitest";
import { findLicenseType, licenseTypeSchema } from "../../../shared/catalog";
import entry from "../../../shared/catalog/license-types/food-premises-over-200sqm-renewal-klong-dan.json" with {
  type: "json",
};
import { sumStepDurations } from "../../../shared/domain/working-days";
import { completeFoodForm, foodLicenseTypeId } from "../../support/api-client";
import { itIsAFaithfulTranscription, loadExcerpt, stepCells, tableRow } from "./manual-excerpt";

/** 004 lines 3525–3581: the renewal of the food-premises license (> 200 m²). */
const excerpt = loadExcerpt("004-food-premises-over-200sqm-renewal.txt", 3525);
const licenseType = licenseTypeSchema.parse(entry);
const { manual } = licenseType;
const sampleForm = { licenseNumber: "KD-FOOD200-2569-000001", ...completeFoodForm };

describe("the food-premises renewal entry (004 line 3525)", () => {
  itIsAFaithfulTranscription(entry, {
    source: "004",
    excerpt,
    documentRow: (line) => {
      const row = tableRow(line);
      return { seq: row.seq, raw: row.cells[0] ?? "" };
    },
    feeRaw: (line) => line,
    sampleForm,
  });

  it("renews the new license of the same agency, keeping its code, for the 1 year the manual states", () => {
    const renewed = findLicenseType(foodLicenseTypeId)!;
    expect(licenseType).toMatchObject({
      caseType: "renew",
      appliesTo: foodLicenseTypeId,
      agencyId: renewed.agencyId,
      code: renewed.code,
      validityMonths: 12,
    });
    expect(manual.criteria.join(" ")).toContain("(ใบอนุญาตมีอายุ 1 ปี นับแต่วันที่ออกใบอนุญาต)");
    expect(excerpt.line(3525)).toBe(manual.title);
  });

  it("inspects, charges a fee and hands over the license; no committee", () => {
    expect(licenseType.workflow).toEqual({
      inspection: true,
      committee: false,
      payment: true,
      pickup: true,
      assessment: false,
    });
    expect(stepCells(excerpt, manual.steps[2]!.src).text).toContain("เจ้าหน้าที่ตรวจสถานที่ด้านสุขลักษณะ");
  });

  it("asks for the new license's form plus the number of the license to renew", () => {
    const newForm = findLicenseType(foodLicenseTypeId)!.form;
    expect(licenseType.form[0]).toEqual({
      key: "licenseNumber",
      type: "text",
      labelTh: "ใบอนุญาตเลขที่",
      labelEn: "License number to renew",
      required: true,
      maxLength: 40,
    });
    expect(licenseType.form.slice(1)).toEqual(newForm);
  });

  it("lists the new license's seven documents under the same keys, in the manual's order", () => {
    expect(manual.documents.map((d) => d.key)).toEqual(
      findLicenseType(foodLicenseTypeId)!.manual.documents.map((d) => d.key),
    );
    expect(manual.documents.map((d) => d.src)).toEqual([3565, 3566, 3570, 3571, 3572, 3573, 3574]);
    expect(manual.documents.filter((d) => !d.requiredToSubmit && !d.requiredWhen).map((d) => d.key)).toEqual([
      "powerOfAttorney",
    ]);
  });

  it("caps the renewal fee at 3,000 THB a year, as the fee line says", () => {
    expect(manual.fees).toEqual([expect.objectContaining({ kind: "cap", maxTHB: 3000, src: 3576 })]);
    expect(manual.fees![0]!.raw).toContain("ฉบับละไม่เกิน 3,000 บาทต่อปี");
  });

  it("carries each step's table cell: number, type label, description, notes and duration", () => {
    for (const step of manual.steps) {
      const row = stepCells(excerpt, step.src);
      expect(row.seq).toBe(step.seq);
      expect(row.text.startsWith(step.stepTypeRaw!)).toBe(true);
      expect(row.text).toContain(step.description);
      for (const note of step.notes ?? []) expect(row.text).toContain(note);
      expect(step.duration?.raw).toBe(row.duration);
    }
    expect(manual.steps.map((s) => s.duration?.raw)).toEqual(["15 นาที", "1 ชั่วโมง", "20 วัน", "8 วัน", "1 วัน"]);
    expect(manual.steps.map((s) => s.stepType)).toEqual([
      "documentCheck",
      "documentCheck",
      "consideration",
      "orderNotice",
      "feePayment",
    ]);
  });

  it("takes the stated total (30 วัน) and the legal limit quoted in step 3", () => {
    expect(excerpt.find("ระยะเวลาดำเนินการรวม")).toBe(3561);
    expect(excerpt.line(3561)).toBe(`ระยะเวลาดำเนินการรวม ${manual.totalDuration!.raw}`);
    expect(manual.totalDuration).toEqual({ raw: "30 วัน", min: 30, max: 30, unit: "day" });
    expect(sumStepDurations(manual.steps.map((s) => s.duration))).toMatchObject({
      max: 30,
      unit: "day",
      subDayRoundedUp: true,
    });
    const limit = manual.legalTimeLimit!;
    expect(limit).toMatchObject({ max: 30, unit: "day", qualifier: "within" });
    expect(stepCells(excerpt, manual.steps[2]!.src).text).toContain(`กฎหมายกำหนด${limit.raw}`);
  });
});
