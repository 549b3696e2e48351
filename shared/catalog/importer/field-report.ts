import type { ImportWarning, ManualLayout } from "./process-block";

/**
 * What the importer could read, field by field: the report a reviewer works from. "missing" means
 * the manual does not state it (the value stays null or empty), "ambiguous" that it states it in a
 * way the importer would have to guess at (the raw text is kept, the parsed value may be null).
 */
export type FieldStatus = "parsed" | "missing" | "ambiguous";

export interface FieldReport {
  status: FieldStatus;
  /** The line the value (or the section it should be in) starts on; null when nothing was found. */
  src: number | null;
  detail?: string;
}

/** The fields of a catalog entry's citizen manual that the report covers, in the template's order. */
export const reportedFields = [
  "title",
  "authority",
  "serviceChannels",
  "criteria",
  "steps",
  "stepDurations",
  "totalDuration",
  "legalTimeLimit",
  "legalBasis",
  "documents",
  "documentCounts",
  "fees",
  "complaintChannels",
] as const;
export type ReportedField = (typeof reportedFields)[number];

export interface ProcessReport {
  id: string;
  title: string;
  sourceLines: [number, number];
  fields: Record<ReportedField, FieldReport>;
  warnings: ImportWarning[];
}

export interface ManualReport {
  sourceFile: string;
  layout: ManualLayout;
  authorityId: string;
  /** The cover's name of the authority, as read. */
  authority: string | null;
  processes: ProcessReport[];
  /** Per field, how many processes had it parsed, missing or ambiguous. */
  totals: Record<ReportedField, Record<FieldStatus, number>>;
  /** Oddities outside any process, and processes printed twice. */
  warnings: ImportWarning[];
}

export function tally(processes: readonly ProcessReport[]): ManualReport["totals"] {
  const totals = {} as ManualReport["totals"];
  for (const field of reportedFields) {
    totals[field] = { parsed: 0, missing: 0, ambiguous: 0 };
    for (const p of processes) totals[field][p.fields[field].status] += 1;
  }
  return totals;
}

export const parsed = (src: number | null, detail?: string): FieldReport =>
  detail === undefined ? { status: "parsed", src } : { status: "parsed", src, detail };
export const missing = (src: number | null, detail?: string): FieldReport =>
  detail === undefined ? { status: "missing", src } : { status: "missing", src, detail };
export const ambiguous = (src: number | null, detail: string): FieldReport => ({
  status: "ambiguous",
  src,
  detail,
});
