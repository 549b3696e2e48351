import { describe, expect, it } from "vitest";
import { findAgency, licenseTypeSchema } from "../../../shared/catalog";
import closureEntry from "../../../shared/catalog/license-types/food-premises-over-200sqm-closure-wang-hin.json" with {
  type: "json",
};
import newEntry from "../../../shared/catalog/license-types/food-premises-over-200sqm-wang-hin.json" with {
  type: "json",
};
import { itIsAFaithfulTranscription, listItem, loadExcerpt, plain, squeeze } from "./manual-excerpt";

/**
 * 003 (อบต.วังหิน, flowchart layout) process 10, lines 844–907: the flowchart (848–871), its summary
 * (880), the per-case document blocks (884–905) and the validity/surcharge sentence (907). The new
 * license and the closure («กรณีแจ้งเลิกกิจการ», 897–900) are both transcribed from it.
 */
const excerpt = loadExcerpt("003-food-premises-over-200sqm.txt", 843);
const created = licenseTypeSchema.parse(newEntry);
const closure = licenseTypeSchema.parse(closureEntry);

/** A flowchart box: its lines from `src` up to the closing parenthesis, as one text. */
function boxText(src: number): string {
  const out: string[] = [];
  for (let n = src; !excerpt.line(n).trim().startsWith(")"); n++) out.push(excerpt.line(n));
  return plain(out.join(" "));
}

const documentRow = (line: string) => listItem(line);

function itCarriesTheFlowchartBoxes(steps: typeof created.manual.steps) {
  it("takes each step from its flowchart box: description, notes and the box's time", () => {
    for (const step of steps) {
      const text = boxText(step.src);
      expect(step.stepTypeRaw).toBeNull();
      expect(squeeze(text)).toContain(squeeze(step.description));
      for (const note of step.notes ?? []) expect(squeeze(excerpt.text)).toContain(squeeze(note));
      if (step.duration) expect(squeeze(text)).toContain(squeeze(step.duration.raw));
    }
  });
}

describe("the Wang Hin food-premises entry (003 line 844)", () => {
  const { manual } = created;
  itIsAFaithfulTranscription(newEntry, {
    source: "003",
    excerpt,
    documentRow,
    feeRaw: (line) => line,
    impliedConditional: ["powerOfAttorney"],
    sampleForm: {
      businessName: "ร้านอาหารวังหิน",
      operatorType: "naturalPerson",
      premisesAddress: "7 หมู่ 4 ตำบลวังหิน อำเภอบางขัน จังหวัดนครศรีธรรมราช",
      premisesAreaSqm: 240,
      kind: "foodStorage",
      managerName: "นางสาวสมใจ รักดี",
      phone: "075-000-000",
    },
  });

  it("is a new license of อบต.วังหิน, valid one year as line 907 says", () => {
    expect(created).toMatchObject({
      caseType: "new",
      agencyId: "sao-wang-hin",
      code: "FOOD200",
      validityMonths: 12,
    });
    expect(findAgency("sao-wang-hin")?.nameTh).toBe(manual.authority);
    expect(excerpt.line(907)).toContain("ใบอนุญาตให้มีอายุหนึ่งปีนับแต่วันที่ออกใบอนุญาต");
    expect(excerpt.line(844)).toBe(`(กระบวนงานที่  10  ${manual.title})`);
    expect(created.workflow).toEqual({
      inspection: true,
      committee: false,
      payment: true,
      pickup: true,
      assessment: false,
    });
  });

  itCarriesTheFlowchartBoxes(manual.steps);

  it("orders the scrambled boxes as the process runs: submit, inspect, report, decide", () => {
    expect(manual.steps.map((s) => [s.src, s.stepType])).toEqual([
      [862, "documentCheck"],
      [858, "consideration"],
      [866, "consideration"],
      [856, "orderNotice"],
    ]);
    expect(manual.steps.map((s) => s.duration?.raw ?? null)).toEqual([
      null,
      null,
      "ภายใน 7 วัน",
      "ภายใน 20 วัน",
    ]);
  });

  it("takes the summary's total, 20 วัน/ราย, and quotes no legal limit", () => {
    expect(excerpt.find(" สรุป กระบวนงานบริการ")).toBe(880);
    expect(excerpt.line(880)).toContain(`ระยะเวลา  ${manual.totalDuration!.raw}`);
    expect(manual.totalDuration).toEqual({ raw: "20  วัน/ราย", min: 20, max: 20, unit: "day" });
    expect(manual.legalTimeLimit).toBeUndefined();
  });

  it("lists the six documents of «กรณีขออนุญาต(รายใหม่)», the conditional ones by the manual's words", () => {
    expect(excerpt.line(885)).toBe("1.กรณีขออนุญาต(รายใหม่)");
    expect(manual.documents.map((d) => d.src)).toEqual([887, 888, 889, 890, 891, 892]);
    expect(manual.documents.filter((d) => d.condition).map((d) => [d.key, d.condition])).toEqual([
      ["managerIdAndHouseRegistration", "หากไม่ใช่บุคคลเดียวกับผู้ถือใบอนุญาต"],
      ["juristicPersonCertificate", "หากผู้ขอเป็นนิติบุคคล"],
    ]);
  });

  it("states no fee, only the 20 % surcharge for paying after expiry", () => {
    expect(manual.fees).toEqual([{ kind: "surcharge", percent: 20, raw: excerpt.line(907), src: 907 }]);
  });
});

describe("the Wang Hin food-premises closure entry («กรณีแจ้งเลิกกิจการ», 003 line 897)", () => {
  const { manual } = closure;
  itIsAFaithfulTranscription(closureEntry, {
    source: "003",
    excerpt,
    documentRow,
    sampleForm: { licenseNumber: "WH-FOOD200-2569-000001" },
  });

  it("cancels a license of the new type, of the same agency, with no inspection, fee or pickup", () => {
    expect(closure).toMatchObject({
      caseType: "cancel",
      appliesTo: created.id,
      agencyId: created.agencyId,
      code: created.code,
      validityMonths: null,
    });
    expect(closure.workflow).toEqual({
      inspection: false,
      committee: false,
      payment: false,
      pickup: false,
      assessment: false,
    });
    expect(closure.form.find((f) => f.key === "licenseNumber")).toMatchObject({
      type: "text",
      required: true,
    });
    expect(manual.fees).toBeNull();
  });

  it("lists the two documents of the closure block", () => {
    expect(excerpt.line(897)).toBe("3.กรณีแจ้งเลิกกิจการ");
    expect(manual.documents.map((d) => [d.src, d.key, d.requiredToSubmit])).toEqual([
      [899, "originalLicense", true],
      [900, "holderIdAndHouseRegistration", true],
    ]);
  });

  itCarriesTheFlowchartBoxes(manual.steps);

  it("keeps of the flowchart only the submission check and the report to the executive", () => {
    expect(manual.steps.map((s) => [s.src, s.stepType])).toEqual([
      [862, "documentCheck"],
      [866, "consideration"],
    ]);
    expect(manual.totalDuration).toEqual(created.manual.totalDuration);
  });
});
