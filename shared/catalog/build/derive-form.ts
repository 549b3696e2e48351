import type { ImportedDocument, ImportedManual } from "../importer/imported-entry";
import { cleanText } from "../importer/manual-text";
import type { FactCondition, FormField, LicenseType, RequiredDocument, WorkflowFamily } from "../schema";

/**
 * A process's application form and the rules its documents follow, from what its manual asks for.
 * Every field is a fact the manual's documents or steps depend on: who applies (a juristic person's
 * papers, 004 line 2669), whether someone applies for another (a power of attorney), which case of
 * a process it is (003's per-case lists), which license a renewal or change is about; plus what the
 * family of service needs to be decided (the premises, the request). A reviewed override may replace
 * the form of a type whose manual asks more (a floor area, a number of food handlers …).
 */

const text = (
  key: string,
  labelTh: string,
  labelEn: string,
  required: boolean,
  maxLength: number,
): FormField => ({
  key,
  type: "text",
  labelTh,
  labelEn,
  required,
  maxLength,
});

const juristic: FactCondition = { field: "applicantType", equals: "juristicPerson" };
const natural: FactCondition = { field: "applicantType", equals: "naturalPerson" };
const byProxy: FactCondition = { field: "byProxy", equals: true };

/** The fact a document depends on, from its condition, or its name where the name is the condition. */
function ruleOf(doc: ImportedDocument, cases: readonly string[]): FactCondition | undefined {
  if (doc.caseLabel !== undefined && cases.length > 1)
    return { field: "applicationCase", equals: `case${cases.indexOf(doc.caseLabel) + 1}` };
  const said = cleanText(`${doc.condition ?? ""} ${doc.name}`).replace(/\s+/g, "");
  const saysJuristic = /นิติบุคคล/.test(said);
  const saysNatural = /บุคคลธรรมดา/.test(said);
  if (saysJuristic && !saysNatural) return juristic;
  if (saysNatural && !saysJuristic) return natural;
  if (/มอบอำนาจ|ทำการแทน|ดำเนินการแทน|ยื่นแทน|มาแทน/.test(said)) return byProxy;
  return undefined;
}

export function deriveDocuments(manual: ImportedManual): RequiredDocument[] {
  const cases = caseLabels(manual);
  return manual.documents.map((doc) => {
    const rule = ruleOf(doc, cases);
    const { requiredToSubmit: _, ...rest } = doc;
    return {
      ...rest,
      // A document asked for in some cases only is never demanded of everyone.
      requiredToSubmit: rule === undefined && doc.condition === undefined,
      ...(rule && { requiredWhen: rule }),
    };
  });
}

function caseLabels(manual: ImportedManual): string[] {
  return [...new Set(manual.documents.flatMap((d) => (d.caseLabel === undefined ? [] : [d.caseLabel])))];
}

export function deriveForm(
  manual: ImportedManual,
  documents: readonly RequiredDocument[],
  family: WorkflowFamily,
  caseType: LicenseType["caseType"],
): FormField[] {
  const form: FormField[] = [];
  const rules = documents.flatMap((d) => (d.requiredWhen ? [d.requiredWhen] : []));
  const uses = (field: string) => rules.some((r) => r.field === field);

  if (caseType !== "new")
    form.push(
      text(
        "licenseNumber",
        "เลขที่ใบอนุญาตหรือทะเบียนเดิม",
        "Number of the license or registration held",
        true,
        40,
      ),
    );
  if (family === "requestService") {
    form.push(
      text("requestDetails", "รายละเอียดคำขอหรือเรื่องร้องเรียน", "What is requested or complained of", true, 2000),
    );
    form.push(text("address", "ที่อยู่ที่เกี่ยวข้อง", "Address concerned", false, 500));
  } else if (family === "taxAssessment") {
    form.push(text("taxpayerName", "ชื่อผู้เสียภาษี", "Taxpayer's name", true, 200));
    form.push(text("propertyAddress", "ที่ตั้งทรัพย์สินหรือป้าย", "Address of the property or sign", true, 500));
  } else {
    form.push(
      text("businessName", "ชื่อสถานประกอบการหรือกิจการ", "Name of the business or establishment", true, 200),
    );
    form.push(text("premisesAddress", "ที่ตั้งสถานที่ดำเนินการ", "Address of the premises or site", true, 500));
  }
  if (uses("applicantType"))
    form.push({
      key: "applicantType",
      type: "enum",
      labelTh: "ประเภทผู้ยื่นคำขอ",
      labelEn: "Applicant type",
      required: true,
      options: [
        { value: "naturalPerson", labelTh: "บุคคลธรรมดา", labelEn: "Natural person" },
        { value: "juristicPerson", labelTh: "นิติบุคคล", labelEn: "Juristic person" },
      ],
    });
  if (uses("byProxy"))
    form.push({
      key: "byProxy",
      type: "boolean",
      labelTh: "ยื่นคำขอแทนผู้อื่น (มีการมอบอำนาจ)",
      labelEn: "Applying on someone else's behalf (with a power of attorney)",
      required: false,
    });
  const cases = caseLabels(manual);
  if (uses("applicationCase"))
    form.push({
      key: "applicationCase",
      type: "enum",
      labelTh: "กรณีที่ยื่นคำขอ",
      labelEn: "Case applied for",
      required: true,
      // The manual's own case headings; the English says which one by its place in the manual.
      options: cases.map((label, i) => ({
        value: `case${i + 1}`,
        labelTh: label,
        labelEn: `Case ${i + 1} of the manual`,
      })),
    });
  form.push(text("phone", "หมายเลขโทรศัพท์", "Phone number", false, 30));
  return form;
}

/**
 * A reviewed form may name its facts otherwise ("operatorType" for who applies): a document's rule
 * follows the form's own field for the same fact; a rule over a fact the form does not ask is
 * dropped (the document stays asked for in some cases only, its condition kept as the manual says).
 */
export function fitRulesToForm(
  documents: RequiredDocument[],
  form: readonly FormField[],
): RequiredDocument[] {
  const applicantField = form.find(
    (f) => f.type === "enum" && f.options.some((o) => o.value === "juristicPerson"),
  )?.key;
  return documents.map((doc) => {
    const rule = doc.requiredWhen;
    if (!rule || form.some((f) => f.key === rule.field)) return doc;
    const { requiredWhen: _, ...rest } = doc;
    if (rule.field === "applicantType" && applicantField)
      return { ...rest, requiredWhen: { ...rule, field: applicantField } };
    return rest;
  });
}
