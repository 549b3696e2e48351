import type { Fee, ManualDurationData, ManualStep } from "../schema";
import type { ParsedDocument } from "./cells/document-cell";
import type { ImportWarning, ManualLayout } from "./process-block";

/**
 * A required document as imported. Its key is stable across imports (from the document glossary,
 * else from its name); its English name only comes from the glossary or a reviewed override, so it
 * is null until someone who reads Thai has given one.
 */
export interface ImportedDocument extends ParsedDocument {
  key: string;
  nameEn: string | null;
  /** A document asked for only in some cases ("กรณี…", "(ถ้ามี)") is not needed to submit. */
  requiredToSubmit: boolean;
}

/** The catalog's citizen-manual part, as the importer reads it from one process. */
export interface ImportedManual {
  sourceFile: string;
  sourceLines: [number, number];
  layout: ManualLayout;
  /** A hash of everything below: a changed manual is a new version, an unchanged one keeps its own. */
  version: string;
  authority: string;
  title: string;
  titleInIndex?: string;
  serviceChannels: { place: string; hours: string | null }[];
  criteria: string[];
  criteriaNotes: string[];
  steps: ManualStep[];
  /** The stated total, never the sum of the steps: it often differs, and the stated one binds. */
  totalDuration: ManualDurationData | null;
  legalTimeLimit?: ManualDurationData;
  legalBasis: string[];
  documents: ImportedDocument[];
  /** null: the manual has no fee section (unknown, not free). */
  fees: Fee[] | null;
  complaintChannels: { seq: number; text: string }[];
  extraInfo: { heading: string; text: string }[];
  warnings: ImportWarning[];
}

/** One file of the importer's output: a catalog entry before review. */
export interface ImportedEntry {
  /**
   * `<authority id>-<hash of the title>`: the same process keeps its id when its manual is imported
   * again (a changed fee or step is a new version of the same entry, not a new entry).
   */
  id: string;
  nameTh: string;
  agencyId: string;
  manual: ImportedManual;
}
