/**
 * The flowchart layout (003, อบต.วังหิน): not the Act's template but, per process, a banner
 * "แผนผังแสดงขั้นตอนและระยะเวลา…", a heading "(กระบวนงานที่ N ชื่อ)", a chart of boxes and times,
 * a summary "สรุป กระบวนงานบริการ N ขั้นตอน รวมระยะเวลา X", the documents to bring and free prose.
 * The front holds the cover and an index of the processes with their times before and after.
 * Contradictions between the index, the summary and the chart are reported, never settled.
 */
import type { ImportWarning, Located, ProcessBlock, SegmentedManual } from "../process-block";
import { readFlowchart } from "./flowchart-boxes";
import { readDocuments } from "./flowchart-documents";
import { readProse } from "./flowchart-prose";
import { type TextLine, textLines } from "./flowchart-text";
import {
  bestIndexEntry,
  coverAuthority,
  durationKey,
  type IndexEntry,
  indexCurrentDuration,
  readManualIndex,
} from "./manual-index";
import { residueWarnings } from "./text-residue";

const banner = /^แผนผังแสดงขั้นตอน/;
const summary = /^สรุป\s*กระบวนงาน(บริการ)?\s*\d+\s*ขั้นตอน/;
const heading = /^\(\s*กระบวนงานที่\s*([0-9๐-๙]+)\s*(.+)\)\s*$/;

/** True when the text is a flowchart manual: process banners and summary lines, both. */
export function usesFlowchartLayout(text: string): boolean {
  const lines = textLines(text);
  return lines.some((l) => banner.test(l.clean)) && lines.some((l) => summary.test(l.clean));
}

export function readFlowchartManual(text: string): SegmentedManual {
  const lines = textLines(text);
  const starts = lines.filter((l) => banner.test(l.clean)).map((l) => l.n);
  const front = lines.slice(0, (starts[0] ?? lines.length + 1) - 1);
  const warnings: ImportWarning[] = [];
  const authority = coverAuthority(front);
  if (!authority)
    warnings.push({ code: "authorityMissing", src: 1, detail: "no cover line names the authority" });
  const index = readManualIndex(front);
  warnings.push(...index.warnings, ...residueWarnings(front));
  if (index.entries.length === 0)
    warnings.push({
      code: "indexMissing",
      src: 1,
      detail: "no index table of processes before the first chart",
    });

  const blocks = starts.map((start, i) => {
    const next = starts[i + 1] ?? lines.length + 1;
    return readBlock(lines.slice(start - 1, next - 1), index.entries);
  });
  markDuplicates(blocks, lines);

  const matched = new Set(blocks.map((b) => b.titleInIndex?.src));
  for (const entry of index.entries)
    if (!matched.has(entry.name.src))
      warnings.push({
        code: "indexEntryWithoutProcess",
        src: entry.name.src,
        detail: `index entry ${entry.seq} "${entry.name.text}" has no process of its own in the text`,
      });
  return { layout: "flowchart", authority, blocks, warnings };
}

function readBlock(all: TextLine[], entries: IndexEntry[]): ProcessBlock {
  let last = all.length - 1;
  while (last > 0 && all[last]!.clean === "") last--;
  const lines = all.slice(0, last + 1);
  const warnings: ImportWarning[] = [];
  const bannerLine = lines[0]!;
  const headingAt = lines.findIndex((l, i) => i > 0 && l.clean !== "");
  const headingLine = lines[headingAt] ?? bannerLine;
  const m = headingLine.raw.trim().match(heading);
  const title: Located = m
    ? { text: m[2]!.trim(), src: headingLine.n }
    : { text: headingLine.raw.trim(), src: headingLine.n };
  if (!m)
    warnings.push({
      code: "headingMissing",
      src: headingLine.n,
      detail: "no (กระบวนงานที่ N …) after the banner",
    });

  const summaryAt = lines.findIndex((l) => summary.test(l.clean));
  const summaryLine = summaryAt >= 0 ? lines[summaryAt]! : null;
  const sm = summaryLine?.raw.match(/([0-9๐-๙]+)\s*ขั้นตอน\s*(?:รวม)?\s*(?:ระยะเวลา)?\s*(.*?)\s*$/);
  const statedStepCount = sm
    ? Number(sm[1]!.replace(/[๐-๙]/g, (d) => String("๐๑๒๓๔๕๖๗๘๙".indexOf(d))))
    : null;
  const totalDuration: Located | null = sm?.[2] ? { text: sm[2], src: summaryLine!.n } : null;
  if (!summaryLine)
    warnings.push({ code: "summaryMissing", src: title.src, detail: "no สรุป กระบวนงานบริการ … line" });
  else if (!totalDuration)
    warnings.push({ code: "totalMissing", src: summaryLine.n, detail: "the summary states no time" });

  const afterChart = summaryAt >= 0 ? summaryAt + 1 : headingAt + 1;
  const tail = lines.slice(afterChart);
  const documents = readDocuments(tail);
  const chartEnd =
    summaryAt >= 0
      ? summaryAt
      : headingAt +
        1 +
        Math.max(
          0,
          tail.findIndex((l) => l.n === documents.lines?.[0]),
        );
  const chart = readFlowchart(lines.slice(headingAt + 1, chartEnd), statedStepCount);
  if (!documents.lines)
    warnings.push({ code: "documentsMissing", src: title.src, detail: "no documents heading" });
  const [docFirst, docLast] = documents.lines ?? [0, -1];
  const prose = readProse(tail.filter((l) => l.n < docFirst || l.n > docLast));

  const block: ProcessBlock = {
    layout: "flowchart",
    sourceLines: [bannerLine.n, lines.at(-1)!.n],
    title,
    serviceChannels: [],
    criteria: [...chart.branches, ...prose.criteria],
    criteriaNotes: [],
    steps: chart.steps,
    totalDuration,
    ...(statedStepCount !== null ? { statedStepCount } : {}),
    reductionStatus: null,
    documents: documents.documents,
    fees: prose.fees,
    complaintChannels: [],
    extraInfo: prose.extraInfo,
    warnings: [
      ...warnings,
      ...chart.warnings,
      ...documents.warnings,
      ...prose.warnings,
      ...residueWarnings(lines),
    ],
  };
  matchIndex(
    block,
    m ? Number(m[1]!.replace(/[๐-๙]/g, (d) => String("๐๑๒๓๔๕๖๗๘๙".indexOf(d)))) : null,
    entries,
  );
  return block;
}

function matchIndex(block: ProcessBlock, number: number | null, entries: IndexEntry[]): void {
  if (entries.length === 0) return;
  const entry = bestIndexEntry(block.title.text, entries);
  if (!entry) {
    block.warnings.push({
      code: "notInIndex",
      src: block.title.src,
      detail: "no index entry names this process",
    });
    return;
  }
  block.titleInIndex = entry.name;
  block.indexDurations = entry.durations;
  if (number !== null && number !== entry.seq)
    block.warnings.push({
      code: "indexNumberDiffers",
      src: block.title.src,
      detail: `heading says process ${number}, its name is index entry ${entry.seq}`,
    });
  const current = indexCurrentDuration(entry);
  if (block.totalDuration && current && durationKey(block.totalDuration.text) !== durationKey(current.text))
    block.warnings.push({
      code: "totalDiffersFromIndex",
      src: block.totalDuration.src,
      detail: `summary "${block.totalDuration.text}", index (line ${current.src}) "${current.text}"`,
    });
}

/** A process printed twice (003: 15 repeats 14) is kept, and the copy names its original. */
function markDuplicates(blocks: ProcessBlock[], lines: TextLine[]): void {
  const seen = new Map<string, ProcessBlock>();
  for (const block of blocks) {
    const body = lines
      .slice(block.title.src, block.sourceLines[1])
      .map((l) => l.clean.replace(/\s/g, ""))
      .join("");
    const key = `${block.title.text.replace(/\s/g, "")}|${body}`;
    const original = seen.get(key);
    if (original)
      block.warnings.push({
        code: "duplicateOf",
        src: block.title.src,
        detail: `repeats the process at line ${original.title.src} ("${original.title.text}")`,
      });
    else seen.set(key, block);
  }
}
