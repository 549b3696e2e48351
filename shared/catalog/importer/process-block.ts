/**
 * What a layout reader hands to the assembler: one process of a citizen manual cut into the
 * template's sections, every value still the manual's own text with the line it came from. Readers
 * find sections by the template's headings and keywords, never by line numbers or process names;
 * turning text into numbers, units and kinds is the cell parsers' job (one set for every layout).
 */

/** A piece of the manual's text and the 1-based line it starts on. */
export interface Located {
  text: string;
  src: number;
}

/** The two families of layout met so far: the Act's template as tables, and 003's flowcharts. */
export type ManualLayout = "templateTable" | "flowchart";

/** A repair or oddity a reader met, reported with its line (never silently fixed). */
export interface ImportWarning {
  code: string;
  src: number;
  detail: string;
}

export interface BlockStep {
  /** The number the manual gives the step, where it gives one. */
  seq: number | null;
  /** The step's cell or box: "ประเภท<type> <description> (<unit>)" in the template. */
  text: Located;
  /** The duration cell or the time matched to the box; null when the manual gives none. */
  duration: Located | null;
}

export interface BlockDocument {
  seq: number | null;
  /** The document's cell or list item: "<name> (<counts>) <category> (<notes>)" in the template. */
  text: Located;
  /** 003's per-case columns and blocks ("กรณีชำระปกติ", "กรณีขอต่ออายุ" …). */
  caseLabel?: string;
  /** A sub-heading the list is under (the applicant's, the designer's …). */
  group?: string;
}

/** One fee row: the template's two cells (detail, amount), or one prose line as a single cell. */
export interface BlockFee {
  cells: string[];
  src: number;
}

export interface ProcessBlock {
  layout: ManualLayout;
  /** First and last line of the process in the manual. */
  sourceLines: [number, number];
  title: Located;
  /** The title as the manual's table of contents or index writes it, where one was matched. */
  titleInIndex?: Located;
  /** Durations the index gives for the process (003's before/after columns), raw. */
  indexDurations?: Located[];
  serviceChannels: { place: Located; hours: Located | null }[];
  criteria: Located[];
  criteriaNotes: Located[];
  steps: BlockStep[];
  /** The stated total: "ระยะเวลาดำเนินการรวม …" or 003's "สรุป … รวมระยะเวลา …"; null when absent. */
  totalDuration: Located | null;
  /** The number of steps a summary line states (003), to check against the steps found. */
  statedStepCount?: number;
  reductionStatus: Located | null;
  documents: BlockDocument[];
  /** null when the process has no fee section at all: unknown, never free. */
  fees: BlockFee[] | null;
  complaintChannels: Located[];
  /** Sections outside the template (penalties, appeals, surcharges …) with their headings. */
  extraInfo: { heading: string; text: Located }[];
  warnings: ImportWarning[];
}

/** A whole manual as a reader cut it. */
export interface SegmentedManual {
  layout: ManualLayout;
  /** The issuing authority as the cover names it; null when the reader found no cover. */
  authority: Located | null;
  blocks: ProcessBlock[];
  /** Oddities outside any process (front matter, the Act's text, a duplicated page …). */
  warnings: ImportWarning[];
}
