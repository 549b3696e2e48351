import type { ImportedManual } from "../importer/imported-entry";
import { cleanText } from "../importer/manual-text";
import type { CatalogCategory, LicenseType, WorkflowFamily } from "../schema";

/**
 * What kind of service a process is, read from its own manual: its title (the template's title
 * names the act: "การขอใบอนุญาต…", "การแจ้ง…", "การขอต่ออายุ…", "การรับชำระภาษี…"), its steps
 * (an inspection, a committee, minutes at the counter) and its fees. The rules are ordered and
 * each is a reason a reviewer can read in the catalog build's report; a reviewed override wins.
 */
export interface DerivedWorkflow {
  caseType: LicenseType["caseType"];
  family: WorkflowFamily;
  category: CatalogCategory;
  workflow: LicenseType["workflow"];
  validityMonths: number | null;
  /** Why each value was chosen, for the build report. */
  reasons: string[];
}

const squeeze = (text: string) => cleanText(text).replace(/\s+/g, "");

function caseTypeOf(title: string): { caseType: LicenseType["caseType"]; reason: string } {
  if (/ต่ออายุ/.test(title)) return { caseType: "renew", reason: "title names a renewal (ต่ออายุ)" };
  if (/เลิกประกอบ|เลิกกิจการ|แจ้งเลิก|ยกเลิก/.test(title))
    return { caseType: "cancel", reason: "title names a cessation (เลิก…)" };
  if (/แก้ไขเปลี่ยนแปลง|เปลี่ยนแปลงรายการ|โอนใบอนุญาต|^การโอน|ใบแทน|ไปแทน|เปลี่ยนผู้ควบคุม/.test(title))
    return { caseType: "amend", reason: "title names a change, transfer or replacement" };
  return { caseType: "new", reason: "title names no change to an existing license" };
}

const categoryRules: readonly [RegExp, CatalogCategory][] = [
  [/ภาษี/, "tax"],
  [/ทะเบียนพาณิชย์/, "commerce-registration"],
  [/น้ำมัน|ทดสอบถัง|ทดสอบถึง/, "business-license"],
  [/อาคาร|ก่อสร้าง|ผู้ควบคุมงาน|ที่จอดรถ/, "building"],
  [/ถมดิน|ขุดดิน|ครอบครองที่ดิน/, "land-earthwork"],
  [/ประปา|น้ำอุปโภค/, "utilities"],
  [/อาหาร|ตลาด|มูลฝอย|สิ่งปฏิกูล|อันตรายต่อสุขภาพ|จำหน่ายสินค้าในที่/, "health-hygiene"],
  [/เบี้ยยังชีพ|เบี้ยความพิการ|สงเคราะห์|ผู้สูงอายุ|ผู้พิการ|สาธารณภัย/, "welfare"],
];

const counterUnits = new Set(["minute", "hour", "immediate"]);

/** Every step at the counter in minutes or hours, and the whole within the day. */
function doneAtTheCounter(manual: ImportedManual): boolean {
  const steps = manual.steps.filter((s) => s.duration?.unit);
  if (steps.length === 0 || steps.length < manual.steps.length) return false;
  if (!steps.every((s) => counterUnits.has(s.duration!.unit!))) return false;
  const total = manual.totalDuration;
  return !total?.unit || counterUnits.has(total.unit);
}

const mentions = (manual: ImportedManual, pattern: RegExp) =>
  manual.steps.some((s) =>
    pattern.test(squeeze(`${s.stepTypeRaw ?? ""} ${s.description} ${(s.notes ?? []).join(" ")}`)),
  );

/** A fee the applicant pays for the service (a surcharge for paying late alone is not one). */
const chargesAFee = (manual: ImportedManual) =>
  (manual.fees ?? []).some((f) => f.kind !== "surcharge") ||
  manual.steps.some((s) => s.stepType === "feePayment");

export function deriveWorkflow(manual: ImportedManual): DerivedWorkflow {
  const title = squeeze(manual.title);
  const reasons: string[] = [];
  const { caseType, reason } = caseTypeOf(title);
  reasons.push(`caseType ${caseType}: ${reason}`);

  const inspection = mentions(manual, /ตรวจสถานที่|ตรวจสอบสถานที่|ออกตรวจ|ตรวจพื้นที่|ตรวจสอบพื้นที่/);
  const committee = mentions(manual, /คณะกรรมการ/);
  const issuesSomething = /ใบอนุญาต|อนุญาต|ใบรับแจ้ง|การแจ้ง|ใบรับรอง|หนังสือรับรอง|ต่ออายุ|ใบแทน|ไปแทน/.test(title);
  let family: WorkflowFamily;
  if (/ภาษี/.test(title)) {
    family = "taxAssessment";
    reasons.push("family taxAssessment: title names a tax");
  } else if (doneAtTheCounter(manual)) {
    family = "counterRegistration";
    reasons.push("family counterRegistration: every step is minutes or hours at the counter");
  } else if (!issuesSomething) {
    family = "requestService";
    reasons.push("family requestService: title names no license, notice or certificate");
  } else if (/^การแจ้ง|ใบรับแจ้ง|รับรองการแจ้ง/.test(title) && caseType === "new") {
    family = "notification";
    reasons.push("family notification: title names a notification (การแจ้ง / ใบรับแจ้ง)");
  } else if (caseType !== "new") {
    family = "licenseChange";
    reasons.push(`family licenseChange: a ${caseType} of a license already held`);
  } else if (committee) {
    family = "licenseWithCommittee";
    reasons.push("family licenseWithCommittee: a step names a committee (คณะกรรมการ)");
  } else if (inspection) {
    family = "licenseWithInspection";
    reasons.push("family licenseWithInspection: a step inspects the premises");
  } else {
    family = "license";
    reasons.push("family license: considered and issued, no inspection or committee named");
  }

  const category = categoryRules.find(([pattern]) => pattern.test(title))?.[1] ?? "other";
  reasons.push(`category ${category}: from the title`);

  const tax = family === "taxAssessment";
  const payment = tax || chargesAFee(manual);
  // A license, a receipt of notice or a certificate is handed over; a cessation ends one, a
  // counter registration is handed over on the spot, a request is answered.
  const pickup =
    caseType !== "cancel" && !["counterRegistration", "requestService", "taxAssessment"].includes(family);
  const workflow = {
    inspection: (family === "licenseWithInspection" || family === "licenseChange") && inspection,
    committee: family === "licenseWithCommittee",
    payment,
    pickup,
    assessment: tax,
  };
  reasons.push(
    `workflow: ${
      Object.entries(workflow)
        .filter(([, on]) => on)
        .map(([flag]) => flag)
        .join(", ") || "completeness check and decision only"
    }`,
  );
  return { caseType, family, category, workflow, validityMonths: validityOf(manual), reasons };
}

/** "ใบอนุญาตให้มีอายุหนึ่งปี" / "มีอายุ 1 ปี นับแต่วันที่ออกใบอนุญาต" → 12; none stated → null. */
function validityOf(manual: ImportedManual): number | null {
  const texts = [...manual.criteria, ...manual.criteriaNotes, ...(manual.extraInfo ?? []).map((e) => e.text)];
  for (const text of texts) {
    const m = squeeze(text).match(/(?:ใบอนุญาต|ใบรับแจ้ง|หนังสือรับรอง)\S{0,12}?มีอายุ(หนึ่ง|สอง|สาม|ห้า|\d+)ปี/);
    if (m?.[1]) {
      const years = { หนึ่ง: 1, สอง: 2, สาม: 3, ห้า: 5 }[m[1]] ?? Number(m[1]);
      return years * 12;
    }
  }
  return null;
}
