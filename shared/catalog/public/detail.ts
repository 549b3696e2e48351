import type { LicenseTypeDetail } from "../../schemas/catalog";
import { buildFormJsonSchema } from "../form-json-schema";
import type { LicenseType } from "../schema";
import { agencyOf } from "./summary";

/**
 * Everything a client needs to apply for a license type: the form as JSON Schema, the documents
 * and when each is needed, the steps and time limits, the fees, the law, where to go and complain.
 * Built from the entry alone; the importer's raw cells and warnings stay in the catalog files.
 */
export function licenseTypeDetail(entry: LicenseType): LicenseTypeDetail {
  const agency = agencyOf(entry);
  const { manual } = entry;
  return {
    id: entry.id,
    code: entry.code,
    nameTh: entry.nameTh,
    nameEn: entry.nameEn,
    agency: { id: agency.id, nameTh: agency.nameTh, nameEn: agency.nameEn, address: agency.address },
    family: entry.family,
    category: entry.category,
    caseType: entry.caseType,
    appliesTo: entry.appliesTo ?? null,
    validityMonths: entry.validityMonths,
    workflow: {
      inspection: entry.workflow.inspection,
      committee: entry.workflow.committee,
      payment: entry.workflow.payment,
      pickup: entry.workflow.pickup,
      assessment: entry.workflow.assessment,
    },
    formSchema: buildFormJsonSchema(entry),
    documents: manual.documents.map((d) => ({
      key: d.key,
      seq: d.seq,
      nameTh: d.name,
      // The importer may leave a document without an English name.
      nameEn: d.nameEn || null,
      category: d.category,
      originals: d.originals,
      copies: d.copies,
      countUnit: d.countUnit,
      condition: d.condition ?? null,
      requiredToSubmit: d.requiredToSubmit,
      requiredWhen: d.requiredWhen ?? null,
    })),
    steps: manual.steps.map((s) => ({
      seq: s.seq,
      stepType: s.stepType,
      description: s.description,
      responsibleUnit: s.responsibleUnit ?? null,
      duration: s.duration,
      notes: s.notes ?? [],
    })),
    totalDuration: manual.totalDuration,
    legalTimeLimit: manual.legalTimeLimit ?? null,
    fees:
      manual.fees?.map((f) => ({
        kind: f.kind,
        amountTHB: f.amountTHB ?? null,
        maxTHB: f.maxTHB ?? null,
        percent: f.percent ?? null,
        per: f.per ?? null,
        raw: f.raw,
      })) ?? null,
    criteria: manual.criteria,
    criteriaNotes: manual.criteriaNotes,
    legalBasis: manual.legalBasis,
    serviceChannels: manual.serviceChannels,
    complaintChannels: manual.complaintChannels,
    manual: {
      title: manual.title,
      authority: manual.authority,
      version: manual.version,
      sourceFile: manual.sourceFile,
      sourceLines: manual.sourceLines,
    },
  };
}
