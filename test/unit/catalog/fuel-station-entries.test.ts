import { describe, expect, it } from "vitest";
import { licenseTypeSchema } from "../../../shared/catalog";
import amendmentEntry from "../../../shared/catalog/license-types/fuel-station-amendment-klong-dan.json" with {
  type: "json",
};
import licenseEntry from "../../../shared/catalog/license-types/fuel-station-license-klong-dan.json" with {
  type: "json",
};
import { sumStepDurations } from "../../../shared/domain/working-days";
import {
  type Excerpt,
  feeRowRaw,
  itIsAFaithfulTranscription,
  loadExcerpt,
  stepCells,
  tableRow,
} from "./manual-excerpt";

/**
 * 004's fuel-station licence, phase 2 (issue of the licence, lines 1057–1110), and the amendment of an
 * operation, phase 2 (lines 1170–1218). Both count in วันทำการ and are filed at the SAO or at the
 * Department of Energy Business, which considers them.
 */
const licenseExcerpt = loadExcerpt("004-fuel-station-license.txt", 1057);
const amendmentExcerpt = loadExcerpt("004-fuel-station-amendment.txt", 1170);
const license = licenseTypeSchema.parse(licenseEntry);
const amendment = licenseTypeSchema.parse(amendmentEntry);

const documentRow = (line: string) => {
  const row = tableRow(line);
  return { seq: row.seq, raw: row.cells[0] ?? "" };
};

function itCarriesTheStepsInWorkingDays(excerpt: Excerpt, steps: typeof license.manual.steps) {
  it("carries each step's table cell and keeps the วันทำการ unit of its duration", () => {
    for (const step of steps) {
      const row = stepCells(excerpt, step.src);
      expect(row.seq).toBe(step.seq);
      expect(row.text.startsWith(step.stepTypeRaw!)).toBe(true);
      expect(row.text).toContain(step.description);
      expect(step.duration?.raw).toBe(row.duration);
      expect(step.duration?.unit).toBe("workingDay");
    }
    expect(steps.map((s) => s.duration?.raw)).toEqual(["1 วันทำการ", "27 วันทำการ", "2 วันทำการ"]);
    expect(steps.map((s) => s.stepType)).toEqual(["documentCheck", "consideration", "signingOrCommittee"]);
    expect(steps[2]!.description).toBe("ลงนามในใบอนุญาต");
  });
}

function itIsFiledAtTheSaoAndConsideredByTheDepartment(lt: typeof license) {
  it("is filed at the SAO (a service channel of the manual) and forwarded to the Department", () => {
    expect(lt.agencyId).toBe("sao-khlong-dan");
    const places = lt.manual.serviceChannels.map((c) => c.place);
    expect(places.some((p) => p.startsWith("ศูนย์บริการธุรกิจพลังงาน กรมธุรกิจพลังงาน"))).toBe(true);
    expect(places.some((p) => p.startsWith("ที่ทำการองค์การบริหารส่วนตำบลคลองด่าน"))).toBe(true);
    expect(lt.manual.steps[0]!.description).toContain("ส่งเรื่องให้สำนักความปลอดภัยธุรกิจน้ำมัน");
  });
}

describe("the fuel-station licence entry, phase 2 (004 line 1057)", () => {
  const { manual } = license;
  itIsAFaithfulTranscription(licenseEntry, {
    source: "004",
    excerpt: licenseExcerpt,
    documentRow,
    feeRaw: feeRowRaw,
    sampleForm: {
      businessName: "สถานีบริการน้ำมันคลองด่าน",
      operatorType: "juristicPerson",
      stationAddress: "88 ถนนสุขุมวิท ตำบลคลองด่าน อำเภอบางบ่อ จังหวัดสมุทรปราการ 10550",
    },
  });

  it("is a new licence: inspection (step 2 checks the site), fee and pickup; the signature is no committee", () => {
    expect(license).toMatchObject({ caseType: "new", code: "FUEL3", validityMonths: null });
    expect(license.appliesTo).toBeUndefined();
    expect(license.workflow).toEqual({
      inspection: true,
      committee: false,
      payment: true,
      pickup: true,
      assessment: false,
    });
    expect(manual.title).toBe(`${licenseExcerpt.line(1057)} ${licenseExcerpt.line(1059)}`);
  });

  itIsFiledAtTheSaoAndConsideredByTheDepartment(license);
  itCarriesTheStepsInWorkingDays(licenseExcerpt, manual.steps);

  it("takes the stated total of 30 วันทำการ, equal to the sum, and quotes no legal limit", () => {
    expect(licenseExcerpt.find("ระยะเวลาดำเนินการรวม")).toBe(1091);
    expect(licenseExcerpt.line(1091)).toBe(`ระยะเวลาดำเนินการรวม ${manual.totalDuration!.raw}`);
    expect(manual.totalDuration).toEqual({ raw: "30 วันทำการ", min: 30, max: 30, unit: "workingDay" });
    expect(sumStepDurations(manual.steps.map((s) => s.duration))).toMatchObject({
      max: 30,
      unit: "workingDay",
    });
    expect(manual.legalTimeLimit).toBeUndefined();
  });

  it("charges 200 THB for the licence; the tank fee's 0 บาท defers to a regulation, so it has no amount", () => {
    expect(manual.fees).toEqual([
      expect.objectContaining({ kind: "fixed", amountTHB: 200, src: 1102 }),
      { kind: "byReference", raw: feeRowRaw(licenseExcerpt.line(1103)), src: 1103 },
    ]);
    expect(manual.fees![1]!.raw).toContain("ข้อ 62");
  });

  it("marks only the 'other documents (if any)' row as conditional", () => {
    expect(manual.documents.filter((d) => !d.requiredToSubmit).map((d) => [d.key, d.condition])).toEqual([
      ["otherDocuments", "ถ้ามี"],
    ]);
  });
});

describe("the fuel-station amendment entry, phase 2 (004 line 1170)", () => {
  const { manual } = amendment;
  itIsAFaithfulTranscription(amendmentEntry, {
    source: "004",
    excerpt: amendmentExcerpt,
    documentRow,
    feeRaw: feeRowRaw,
    sampleForm: {
      licenseNumber: "KD-FUEL3-2569-000001",
      amendmentDescription: "เพิ่มถังเก็บน้ำมันใต้ดิน 1 ถัง และตู้จ่าย 2 ตู้",
      additionalTanks: "yes",
      phone: "02-707-5727",
    },
  });

  it("amends a fuel-station licence of the same agency, named by its number", () => {
    expect(amendment).toMatchObject({
      caseType: "amend",
      appliesTo: license.id,
      agencyId: license.agencyId,
      validityMonths: null,
    });
    expect(amendment.form[0]).toMatchObject({
      key: "licenseNumber",
      type: "text",
      required: true,
      maxLength: 40,
    });
    expect(amendment.workflow).toEqual(license.workflow);
    expect(manual.title).toBe(amendmentExcerpt.line(1170));
  });

  itIsFiledAtTheSaoAndConsideredByTheDepartment(amendment);
  itCarriesTheStepsInWorkingDays(amendmentExcerpt, manual.steps);

  it("takes the stated total of 30 วันทำการ", () => {
    expect(amendmentExcerpt.find("ระยะเวลาดำเนินการรวม")).toBe(1199);
    expect(manual.totalDuration).toEqual({ raw: "30 วันทำการ", min: 30, max: 30, unit: "workingDay" });
  });

  it("charges 200 THB, plus a tank fee by reference only when tanks are added (asked on the form)", () => {
    expect(manual.fees).toEqual([
      expect.objectContaining({ kind: "fixed", amountTHB: 200, src: 1210 }),
      { kind: "byReference", raw: feeRowRaw(amendmentExcerpt.line(1211)), src: 1211 },
    ]);
    expect(amendment.form.find((f) => f.key === "additionalTanks")?.labelTh).toBe(
      "มีการติดตั้งภาชนะบรรจุน้ำมันเพิ่มเติมจากที่ได้รับอนุญาตอยู่ก่อนเดิม",
    );
    expect(manual.fees![1]!.raw).toContain("มีการติดตั้งภาชนะบรรจุน้ำมันเพิ่มเติมจากที่ได้รับอนุญาตอยู่ก่อนเดิม");
  });
});
