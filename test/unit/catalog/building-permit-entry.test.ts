import { describe, expect, it } from "vitest";
import { licenseTypeSchema } from "../../../shared/catalog";
import entry from "../../../shared/catalog/license-types/building-construction-permit-klong-dan.json" with {
  type: "json",
};
import { sumStepDurations } from "../../../shared/domain/working-days";
import { itIsAFaithfulTranscription, loadExcerpt, stepCells, tableRow } from "./manual-excerpt";

/**
 * 004 lines 318–376: การขออนุญาตก่อสร้างอาคารตามมาตรา 21, the license of อบต.คลองด่าน whose last step is
 * typed «ประเภทการลงนาม/คณะกรรมการมีมติ» (signing or committee resolution): the entry with a committee step.
 */
const excerpt = loadExcerpt("004-building-construction-permit.txt", 318);
const licenseType = licenseTypeSchema.parse(entry);
const { manual } = licenseType;
const sampleForm = {
  businessName: "นายสมชาย ใจดี",
  applicantType: "naturalPerson",
  constructionSiteAddress: "45 หมู่ 2 ตำบลคลองด่าน อำเภอบางบ่อ จังหวัดสมุทรปราการ 10550",
  landTitle: "โฉนดที่ดินเลขที่ 12345",
  buildingDescription: "อาคารพักอาศัย ค.ส.ล. 2 ชั้น",
  floorAreaSqm: 180,
  storeys: 2,
  buildingScale: "ordinary",
};
const highRise = "เอกสารที่ต้องยื่นเพิ่มเติมสำหรับกรณีเป็นอาคารสูง หรืออาคารขนาดใหญ่พิเศษ";

describe("the building construction permit entry (004 line 318)", () => {
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

  it("is a new license of the SAO with a committee step, an inspection, a fee and a pickup", () => {
    expect(licenseType).toMatchObject({
      caseType: "new",
      code: "BLDG21",
      agencyId: "sao-khlong-dan",
      validityMonths: null,
    });
    expect(licenseType.workflow).toEqual({
      inspection: true,
      committee: true,
      payment: true,
      pickup: true,
      assessment: false,
    });
    expect(excerpt.line(318)).toBe(manual.title);
  });

  it("takes the committee flag from the step typed การลงนาม/คณะกรรมการมีมติ, and inspection from step 3", () => {
    const committee = manual.steps.filter((s) => s.stepType === "signingOrCommittee");
    expect(committee.map((s) => [s.seq, s.stepTypeRaw])).toEqual([[4, "ประเภทการลงนาม/คณะกรรมการมีมติ"]]);
    expect(stepCells(excerpt, manual.steps[2]!.src).text).toContain("ตรวจสอบสถานที่ก่อสร้าง");
  });

  it("carries each step's table cell: type label, description, responsible unit and duration", () => {
    for (const step of manual.steps) {
      const row = stepCells(excerpt, step.src);
      expect(row.seq).toBe(step.seq);
      expect(row.text.startsWith(step.stepTypeRaw!)).toBe(true);
      expect(row.text).toContain(`${step.description} (${step.responsibleUnit})`);
      expect(step.duration?.raw).toBe(row.duration);
    }
    expect(manual.steps.map((s) => s.duration?.raw)).toEqual(["1 วัน", "2 วัน", "7 วัน", "35 วัน"]);
  });

  it("takes the stated total (45 วัน, equal to the sum) and the 45-day legal limit of the criteria", () => {
    expect(excerpt.find("ระยะเวลาดำเนินการรวม")).toBe(335);
    expect(excerpt.line(335)).toBe(`ระยะเวลาดำเนินการรวม ${manual.totalDuration!.raw}`);
    expect(sumStepDurations(manual.steps.map((s) => s.duration))).toMatchObject({ max: 45, unit: "day" });
    const limit = manual.legalTimeLimit!;
    expect(limit).toMatchObject({ max: 45, unit: "day", qualifier: "within" });
    expect(excerpt.line(326)).toContain(`ให้ผู้ขอรับใบอนุญาตทราบ${limit.raw}`);
  });

  it("lists the 23 documents across the three tables, conditional ones by the manual's own cases", () => {
    expect(manual.documents.map((d) => d.seq)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    const required = manual.documents.filter((d) => d.requiredToSubmit).map((d) => d.key);
    expect(required).toEqual(["applicationFormKhor1", "landTitleDeed", "sitePlansAndDrawings"]);
    // Listed under «${highRise}»: asked for exactly when the form says the building is one.
    const highRiseDocs = manual.documents.filter((d) => d.requiredWhen?.field === "buildingScale");
    expect(highRiseDocs.map((d) => d.seq)).toEqual([17, 18, 19, 20, 21, 22, 23]);
    expect(highRiseDocs.every((d) => d.group === highRise)).toBe(true);
  });

  it("defers the fee to ministerial regulation no. 7, without an amount", () => {
    expect(manual.fees).toEqual([{ kind: "byReference", raw: excerpt.line(369), src: 369 }]);
    expect(manual.fees![0]!.raw).toContain("กฎกระทรวงฉบับที่ 7 พ.ศ. 2528");
  });
});
