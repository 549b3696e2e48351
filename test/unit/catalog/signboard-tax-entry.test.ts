import { describe, expect, it } from "vitest";
import { licenseTypeSchema } from "../../../shared/catalog";
import entry from "../../../shared/catalog/license-types/signboard-tax-klong-dan.json" with { type: "json" };
import { sumStepDurations } from "../../../shared/domain/working-days";
import { itIsAFaithfulTranscription, loadExcerpt, stepCells, tableRow } from "./manual-excerpt";

/** 004 lines 1593–1646: การรับชำระภาษีป้าย (signboard tax), handled as 001 does (fee-0 approval, ภ.ป.3). */
const excerpt = loadExcerpt("004-signboard-tax.txt", 1593);
const licenseType = licenseTypeSchema.parse(entry);
const { manual } = licenseType;
const sampleForm = {
  businessName: "ร้านคลองด่านการค้า",
  ownerType: "naturalPerson",
  signText: "คลองด่านการค้า วัสดุก่อสร้าง",
  signWidthCm: 250,
  signHeightCm: 80.5,
  signCount: 2,
  installAddress: "12 หมู่ 5 ถนนสุขุมวิท ตำบลคลองด่าน อำเภอบางบ่อ จังหวัดสมุทรปราการ 10550",
  installedOn: "15 มกราคม 2569",
  phone: "081-234-5678",
};

describe("the signboard-tax entry (004 line 1593)", () => {
  itIsAFaithfulTranscription(entry, {
    source: "004",
    excerpt,
    documentRow: (line) => {
      const row = tableRow(line);
      return { seq: row.seq, raw: row.cells[0] ?? "" };
    },
    sampleForm,
  });

  it("is a new case of the SAO with 001's signboard variant: assessment, payment, nothing to pick up", () => {
    expect(licenseType).toMatchObject({
      caseType: "new",
      code: "SIGNTAX",
      agencyId: "sao-khlong-dan",
      validityMonths: null,
    });
    expect(licenseType.appliesTo).toBeUndefined();
    expect(licenseType.workflow).toEqual({
      inspection: false,
      committee: false,
      payment: true,
      pickup: false,
      assessment: true,
    });
    expect(excerpt.line(1593)).toBe(manual.title);
    // The manual's own words for the variant: the owner files ภ.ป. 1, the SAO notifies the assessment ภ.ป. 3.
    expect(manual.criteria).toContain(
      "4. องค์การปกครองส่วนท้องถิ่นตรวจสอบแบบแสดงรายการภาษีป้ายและแจ้งการประเมินภาษีป้าย (ภ.ป. 3)",
    );
  });

  it("has no fee section: the tax is stated by the assessment, never by the catalog", () => {
    expect(manual.fees).toBeNull();
    expect(excerpt.text).not.toMatch(/ค่าธรรมเนียม/);
  });

  it("carries each step's table cell, its responsible unit and its duration", () => {
    for (const step of manual.steps) {
      const row = stepCells(excerpt, step.src);
      expect(row.seq).toBe(step.seq);
      expect(row.text.startsWith(step.stepTypeRaw!)).toBe(true);
      expect(row.text).toContain(step.description);
      expect(row.text).toContain(`หน่วยงานผู้รับผิดชอบ คือ ${step.responsibleUnit}`);
      for (const note of step.notes ?? []) expect(row.text).toContain(note);
      // The cell's bare number, or the text's own "ภายใน 30 วัน" that qualifies it.
      expect([row.duration, `ภายใน ${row.duration}`]).toContain(step.duration?.raw);
    }
    expect(manual.steps.map((s) => s.duration?.raw)).toEqual(["1 วัน", "ภายใน 30 วัน", "ภายใน 15 วัน"]);
  });

  it("maps the owner's payment, labelled a consideration, to the fee-payment step", () => {
    const payment = manual.steps[2]!;
    expect(payment).toMatchObject({ stepType: "feePayment", stepTypeRaw: "ประเภทการพิจารณา" });
    expect(payment.description).toBe("เจ้าของป้ายชำระภาษี");
    expect(manual.steps.map((s) => s.stepType)).toEqual(["documentCheck", "consideration", "feePayment"]);
  });

  it("takes the stated total (46 วัน, equal to the sum) and the 30-day legal limit of the assessment", () => {
    expect(excerpt.find("ระยะเวลาดำเนินการรวม")).toBe(1631);
    expect(excerpt.line(1631)).toBe(`ระยะเวลาดำเนินการรวม ${manual.totalDuration!.raw}`);
    expect(sumStepDurations(manual.steps.map((s) => s.duration))).toMatchObject({
      min: 46,
      max: 46,
      unit: "day",
    });
    const limit = manual.legalTimeLimit!;
    expect(limit).toMatchObject({ max: 30, unit: "day", qualifier: "within" });
    expect(stepCells(excerpt, manual.steps[1]!.src).text).toContain(limit.raw);
    expect(stepCells(excerpt, manual.steps[1]!.src).text).toContain(
      "(ตามพระราชบัญญัติวิธีปฏิบัติราชการทางปกครอง พ.ศ. 2539)",
    );
  });

  it("marks only the juristic-person certificate, last receipt and power of attorney as conditional", () => {
    expect(manual.documents.filter((d) => !d.requiredToSubmit).map((d) => [d.key, d.condition])).toEqual([
      ["juristicPersonCertificate", "กรณีนิติบุคคล"],
      ["previousTaxReceipt", "ถ้ามี"],
      ["powerOfAttorney", "กรณีมอบอำนาจให้ดำเนินการแทน"],
    ]);
    expect(manual.documents.map((d) => d.src)).toEqual([1635, 1636, 1637, 1638, 1639, 1640, 1641]);
  });

  it("asks, on the form, for what the site-plan document describes: the signs, their size and place", () => {
    const keys = licenseType.form.map((f) => f.key);
    expect(keys).toEqual([
      "businessName",
      "ownerType",
      "signText",
      "signWidthCm",
      "signHeightCm",
      "signCount",
      "installAddress",
      "installedOn",
      "phone",
    ]);
    const signSitePlan = manual.documents.find((d) => d.key === "signSitePlan")!;
    expect(signSitePlan.raw).toContain("รายละเอียดเกี่ยวกับป้าย วัน เดือน ปี ที่ติดตั้งหรือแสดง");
  });
});
