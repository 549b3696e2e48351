import { createHash } from "node:crypto";
import { parseDocument } from "./cells/document-cell";
import { parseDuration } from "./cells/duration";
import { parseFees } from "./cells/fees";
import { lawNamesIn, legalTimeLimitCandidates } from "./cells/law-names";
import { parseStep } from "./cells/step-cell";
import { documentKey, glossaryEntry } from "./document-glossary";
import { ambiguous, type FieldReport, missing, type ProcessReport, parsed } from "./field-report";
import type { ImportedDocument, ImportedEntry, ImportedManual } from "./imported-entry";
import { cleanText } from "./manual-text";
import type { ImportWarning, Located, ProcessBlock } from "./process-block";

export interface ManualContext {
  sourceFile: string;
  authorityId: string;
  /** The cover's name of the authority, when the reader found one. */
  authority: Located | null;
}

/**
 * One process cut by a layout reader → the catalog entry's citizen manual and the report of what was
 * read. Every value comes from the manual's text; what the text does not state stays null or empty
 * and is reported missing, what it states unclearly keeps its raw text and is reported ambiguous.
 */
export function assembleProcess(
  block: ProcessBlock,
  context: ManualContext,
): {
  entry: ImportedEntry;
  report: ProcessReport;
} {
  const warnings: ImportWarning[] = [...block.warnings];
  const title = cleanText(block.title.text);

  const steps = block.steps.map((s, i) => {
    const r = parseStep(s, i);
    warnings.push(...r.warnings);
    return r.step;
  });
  const total = block.totalDuration && parseDuration(withoutTotalHeading(block.totalDuration.text));
  // The law's limit is quoted in the criteria, or inside a step's cell ("กฎหมายกำหนดภายใน 30 วัน …").
  const limits = legalTimeLimitCandidates([
    ...block.criteria,
    ...block.criteriaNotes,
    ...block.steps.map((s) => s.text),
  ]);
  const distinctLimits = [...new Set(limits.map((l) => `${l.qualifier ?? ""} ${l.max} ${l.unit}`.trim()))];
  const legalBasis = lawNamesIn([
    ...block.criteria,
    ...block.criteriaNotes,
    ...block.extraInfo.map((e) => e.text),
  ]);
  const documents = importDocuments(block, warnings);
  const fees = parseFees(block.fees);
  warnings.push(...fees.warnings);

  const content: Omit<ImportedManual, "version"> = {
    sourceFile: context.sourceFile,
    sourceLines: block.sourceLines,
    layout: block.layout,
    authority: context.authority ? cleanText(context.authority.text) : "",
    title,
    ...(block.titleInIndex && { titleInIndex: cleanText(block.titleInIndex.text) }),
    serviceChannels: block.serviceChannels.map((c) => ({
      place: cleanText(c.place.text),
      hours: c.hours && cleanText(c.hours.text),
    })),
    criteria: block.criteria.map((c) => cleanText(c.text)).filter((c) => c !== ""),
    criteriaNotes: block.criteriaNotes.map((c) => cleanText(c.text)).filter((c) => c !== ""),
    steps,
    totalDuration: total ? total.duration : null,
    ...(distinctLimits.length === 1 && { legalTimeLimit: withoutSrc(limits[0]!) }),
    legalBasis,
    documents,
    fees: fees.fees,
    complaintChannels: block.complaintChannels.map((c, i) => ({ seq: i + 1, text: cleanText(c.text) })),
    extraInfo: block.extraInfo.map((e) => ({ heading: cleanText(e.heading), text: cleanText(e.text.text) })),
    warnings,
  };
  const manual: ImportedManual = { ...content, version: versionOf(content) };
  const id = entryId(context.authorityId, title);

  const fields: ProcessReport["fields"] = {
    title: parsed(block.title.src),
    authority: context.authority ? parsed(context.authority.src) : missing(null, "no cover naming it"),
    serviceChannels: present(block.serviceChannels.map((c) => c.place)),
    criteria: present(block.criteria),
    steps: stepsReport(block),
    stepDurations: stepDurationsReport(block, steps),
    totalDuration: totalReport(block.totalDuration, total),
    legalTimeLimit:
      limits.length === 0
        ? missing(null)
        : distinctLimits.length === 1
          ? parsed(limits[0]!.src)
          : ambiguous(limits[0]!.src, `different limits: ${distinctLimits.join("; ")}`),
    legalBasis: legalBasis.length > 0 ? parsed(firstSrc(block.criteria)) : missing(null),
    documents: present(block.documents.map((d) => d.text)),
    documentCounts: documentCountsReport(documents),
    fees:
      block.fees === null
        ? missing(null, "no fee section: unknown, not free")
        : fees.ambiguous
          ? ambiguous(block.fees[0]?.src ?? null, fees.ambiguous)
          : parsed(block.fees[0]?.src ?? null),
    complaintChannels: present(block.complaintChannels),
  };
  return {
    entry: { id, nameTh: title, agencyId: context.authorityId, manual },
    report: { id, title, sourceLines: block.sourceLines, fields, warnings },
  };
}

function importDocuments(block: ProcessBlock, warnings: ImportWarning[]): ImportedDocument[] {
  const used = new Map<string, number>();
  return block.documents.map((d) => {
    const r = parseDocument(d);
    warnings.push(...r.warnings);
    // Two documents of one process with the same name (one per case, say) get their own keys.
    const base = documentKey(r.document.name);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return {
      ...r.document,
      key: n === 1 ? base : `${base}${n}`,
      nameEn: glossaryEntry(r.document.name)?.nameEn ?? null,
      requiredToSubmit: r.document.condition === undefined,
    };
  });
}

/** The template prints the total after its heading on one line: "ระยะเวลาดำเนินการรวม 7 วัน". */
function withoutTotalHeading(text: string): string {
  return text.replace(/^\s*ระยะเวลา\s*ดำเนินการ\s*รวม\s*:?\s*/, "");
}

/** `<authority>-<8 hex of the title>`: the entry's id survives a re-import with new fees or steps. */
export function entryId(authorityId: string, title: string): string {
  const key = cleanText(title).replace(/\s+/g, "");
  return `${authorityId}-${createHash("sha256").update(key).digest("hex").slice(0, 8)}`;
}

function versionOf(content: object): string {
  return createHash("sha256").update(JSON.stringify(content)).digest("hex").slice(0, 12);
}

function withoutSrc<T extends { src: number }>(value: T): Omit<T, "src"> {
  const { src: _src, ...rest } = value;
  return rest;
}

const firstSrc = (items: readonly Located[]) => items[0]?.src ?? null;
const present = (items: readonly Located[]): FieldReport =>
  items.length > 0 ? parsed(items[0]!.src, `${items.length}`) : missing(null);

function stepsReport(block: ProcessBlock): FieldReport {
  const src = firstSrc(block.steps.map((s) => s.text));
  if (block.steps.length === 0) return missing(null);
  if (block.statedStepCount !== undefined && block.statedStepCount !== block.steps.length)
    return ambiguous(src, `${block.steps.length} steps found, the summary states ${block.statedStepCount}`);
  return parsed(src, `${block.steps.length}`);
}

function stepDurationsReport(block: ProcessBlock, steps: ImportedManual["steps"]): FieldReport {
  const src = firstSrc(block.steps.map((s) => s.text));
  if (steps.length === 0) return missing(null);
  const without = steps.filter((s) => s.duration === null).length;
  const unread = steps.filter((s) => s.duration !== null && s.duration.unit === null);
  if (unread.length > 0)
    return ambiguous(unread[0]!.src, `unread: ${unread.map((s) => s.duration?.raw).join("; ")}`);
  if (without === steps.length) return missing(src, "no step states a duration");
  if (without > 0) return ambiguous(src, `${without} of ${steps.length} steps state no duration`);
  return parsed(src);
}

function totalReport(located: Located | null, total: ReturnType<typeof parseDuration> | null): FieldReport {
  if (!located || !total) return missing(null);
  if (total.ambiguous || total.duration.unit === null)
    return ambiguous(located.src, total.ambiguous ?? `unread: ${located.text}`);
  return parsed(located.src);
}

function documentCountsReport(documents: readonly ImportedDocument[]): FieldReport {
  if (documents.length === 0) return missing(null);
  const uncounted = documents.filter((d) => d.originals === null && d.copies === null);
  if (uncounted.length === documents.length) return missing(documents[0]!.src, "no document states a count");
  if (uncounted.length > 0)
    return ambiguous(uncounted[0]!.src, `${uncounted.length} of ${documents.length} state no count`);
  return parsed(documents[0]!.src);
}
