/**
 * The Act's template as words: the headings and keywords that open each section of a process, and
 * the lines that belong to no process (page furniture, the Act's own text). Everything is matched on
 * cleaned text with the spaces removed, because the exports break words with stray spaces
 * ("การให้ บริการ", "ร ้องเรียน") and the heading wording drifts from manual to manual.
 */
import type { TemplateLine } from "./table-rows";

/** The sections of a process in the template's order (the order a stray page breaks). */
export type SectionKind =
  | "channels"
  | "criteria"
  | "notes"
  | "steps"
  | "total"
  | "reduction"
  | "documents"
  | "fees"
  | "complaints";

export const sectionOrder: Record<SectionKind, number> = {
  channels: 0,
  criteria: 1,
  notes: 2,
  steps: 3,
  total: 4,
  reduction: 5,
  documents: 6,
  fees: 7,
  complaints: 8,
};

/** The heading each section goes by in the template (for warnings and extraInfo). */
export const sectionHeading: Record<SectionKind, string> = {
  channels: "สถานที่ / ช่องทางการให้บริการ",
  criteria: "หลักเกณฑ์ วิธีการ เงื่อนไข(ถ้ามี) ในการยื่นคำขอ และในการพิจารณาอนุญาต",
  notes: "หมายเหตุ",
  steps: "ขั้นตอน และส่วนงานที่รับผิดชอบ",
  total: "ระยะเวลาดำเนินการรวม",
  reduction: "การลดขั้นตอน",
  documents: "รายการเอกสารหลักฐานประกอบ",
  fees: "รายละเอียดค่าธรรมเนียม",
  complaints: "ช่องทางการร้องเรียน",
};

const squeeze = (clean: string) => clean.replace(/\s+/g, "");

/**
 * The criteria heading that opens every process: "หลักเกณฑ์ วิธีการ เงื่อนไข(ถ้ามี) ในการยื่นคำขอ
 * และในการพิจารณาอนุญาต", with or without "(ถ้ามี)", "และ", "ใน". It must stand alone on its line:
 * 003 runs the same words into a paragraph, and that is prose, not the template.
 */
const criteriaAnchor = /^หลักเกณฑ์,?วิธีการ,?(และ)?เงื่อนไข(\(ถ้ามี\))?(ใน)?การยื่นคำขอ(และ)?(ใน)?การพิจารณา(อนุญาต)?:?$/;

export function isCriteriaAnchor(line: TemplateLine): boolean {
  return line.kind !== "blank" && criteriaAnchor.test(squeeze(line.clean));
}

/**
 * A table header (or a heading line standing for one): short, without digits, and naming a section.
 * Data rows carry numbers or run long; a fee line like "ค่าธรรมเนียม เป็นไปตาม…ฉบับที่ 7" is prose.
 */
export function tableHeading(line: TemplateLine): SectionKind | null {
  if (line.kind !== "row" && line.kind !== "prose") return null;
  const s = squeeze(line.clean);
  // A heading standing outside a table (a one-cell TAB row) must be little more than the heading.
  if (s.length > (line.kind === "row" ? 90 : 45) || /\d/.test(s)) return null;
  if (/ร้องเรียน/.test(s)) return "complaints";
  if (/รายการเอกสาร/.test(s)) return "documents";
  if (/รายละเอียดค่าธรรมเนียม|ค่าธรรมเนียม\(บาท/.test(s)) return "fees";
  if (/ขั้นตอน/.test(s) && /ส่วนงานที่รับผิดชอบ|ระยะเวลา/.test(s)) return "steps";
  if (/ช่องทาง[ก-๛]{0,3}ให้บริการ|สถานที่\/?ช่องทาง/.test(s)) return "channels";
  return null;
}

/** Prose lines that open (and usually are) a section: the keyword starts the line. */
export function keywordSection(line: TemplateLine): SectionKind | null {
  if (line.kind !== "prose") return null;
  const s = squeeze(line.clean);
  if (/^หมายเหตุ/.test(s)) return "notes";
  if (/^ระยะเวลาดำเนินการรวม/.test(s)) return "total";
  if (/^(การลดขั้นตอน|(ยัง)?(ไม่)?ผ่านการ(ดำเนินการ)?ลดขั้นตอน)/.test(s)) return "reduction";
  if (/^(รายละเอียด)?ค่าธรรมเนียม/.test(s)) return "fees";
  return null;
}

/** A running page header or footer ("คู่มือสำหรับประชาชน … หน้า ๑๒", "- 12 -"). */
export function isPageFurniture(line: TemplateLine): boolean {
  if (line.kind !== "prose") return false;
  return (
    /^-?\s*\d{1,3}\s*-?$/.test(line.clean) || (line.clean.length <= 120 && /หน้า\s*\d{1,3}$/.test(line.clean))
  );
}

/**
 * The start of the back matter: a law's title standing alone ("พระราชบัญญัติ… พ.ศ. 2558"), its
 * sections ("มาตรา 7 …"), an appendix. Looked for only after a process's criteria, which may quote
 * the same law.
 */
export function isBackMatter(line: TemplateLine): boolean {
  if (line.kind !== "prose") return false;
  const s = squeeze(line.clean);
  return (
    (/^พระราชบัญญัติ/.test(s) && s.length <= 120 && /พ\.ศ\.\d{4}$/.test(s)) ||
    /^มาตรา\d+/.test(s) ||
    /^(ภาคผนวก|บรรณานุกรม)/.test(s)
  );
}

/** The table of contents' heading. */
export function isContentsHeading(line: TemplateLine): boolean {
  return line.kind === "prose" && /^สารบัญ/.test(squeeze(line.clean));
}

/** The issuing authority as a cover names it: a local government's full name on its own line. */
export function isAuthorityName(line: TemplateLine): boolean {
  if (line.kind !== "prose") return false;
  const s = squeeze(line.clean);
  return (
    s.length <= 60 &&
    /^(องค์การบริหารส่วน(ตำบล|จังหวัด)|เทศบาล(ตำบล|เมือง|นคร)|กรุงเทพมหานคร|เมืองพัทยา)[ก-๛]+$/.test(s)
  );
}
