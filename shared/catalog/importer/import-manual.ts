import { assembleProcess } from "./assemble-process";
import { type ManualReport, type ProcessReport, tally } from "./field-report";
import type { ImportedEntry, ImportedManual } from "./imported-entry";
import { readFlowchartManual, usesFlowchartLayout } from "./layouts/flowchart-manual";
import { readTemplateManual, usesTemplateLayout } from "./layouts/template-manual";
import type { ImportWarning, SegmentedManual } from "./process-block";

export interface ImportOptions {
  /** The manual's file name, kept in every entry as its source. */
  sourceFile: string;
  /** The catalog's id of the issuing authority (the manual's cover names it in Thai only). */
  authorityId: string;
}

export interface ImportResult {
  entries: ImportedEntry[];
  report: ManualReport;
}

export class UnknownManualLayout extends Error {
  constructor(sourceFile: string) {
    super(
      `${sourceFile}: neither the Act's template headings (หลักเกณฑ์ วิธีการ เงื่อนไข…) nor flowchart ` +
        "banners (แผนผังแสดงขั้นตอน…) were found: not a citizen manual this importer can read",
    );
  }
}

/**
 * One citizen manual → one catalog entry per process and the report of what was read. The layout is
 * recognised by the template's headings, not by the file's name; a process printed twice is imported
 * once (the copy is reported), and two different processes with one title both stay.
 */
export function importManual(text: string, options: ImportOptions): ImportResult {
  const segmented = readLayout(text, options.sourceFile);
  const context = { ...options, authority: segmented.authority };
  const warnings: ImportWarning[] = [...segmented.warnings];
  const entries: ImportedEntry[] = [];
  const processes: ProcessReport[] = [];

  for (const block of segmented.blocks) {
    const { entry, report } = assembleProcess(block, context);
    const sameTitle = entries.filter((e) => e.id === entry.id || e.id.startsWith(`${entry.id}-`));
    const copyOf = sameTitle.find((e) => sameContent(e.manual, entry.manual));
    if (copyOf) {
      warnings.push({
        code: "duplicateProcess",
        src: block.sourceLines[0],
        detail: `lines ${block.sourceLines.join("–")} repeat ${copyOf.id} (lines ${copyOf.manual.sourceLines.join("–")}); imported once`,
      });
      continue;
    }
    if (sameTitle.length > 0) {
      const id = `${entry.id}-${sameTitle.length + 1}`;
      warnings.push({
        code: "sameTitleDifferentContent",
        src: block.sourceLines[0],
        detail: `"${entry.nameTh}" is also at line ${sameTitle[0]!.manual.sourceLines[0]}; imported as ${id}`,
      });
      entry.id = id;
      report.id = id;
    }
    entries.push(entry);
    processes.push(report);
  }

  return {
    entries,
    report: {
      sourceFile: options.sourceFile,
      layout: segmented.layout,
      authorityId: options.authorityId,
      authority: context.authority?.text.trim() ?? null,
      processes,
      totals: tally(processes),
      warnings,
    },
  };
}

function readLayout(text: string, sourceFile: string): SegmentedManual {
  if (usesTemplateLayout(text)) return readTemplateManual(text);
  if (usesFlowchartLayout(text)) return readFlowchartManual(text);
  throw new UnknownManualLayout(sourceFile);
}

/** Everything but where it was printed and what was met on the way. */
function sameContent(a: ImportedManual, b: ImportedManual): boolean {
  const strip = ({
    sourceLines: _l,
    warnings: _w,
    version: _v,
    steps,
    documents,
    fees,
    ...rest
  }: ImportedManual) => ({
    ...rest,
    steps: steps.map(({ src: _s, ...s }) => s),
    documents: documents.map(({ src: _s, ...d }) => d),
    fees: fees?.map(({ src: _s, ...f }) => f) ?? null,
  });
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}
