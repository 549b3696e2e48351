/**
 * One process of the Act's template cut into its sections. The reader walks the lines after the
 * criteria heading once, switching section at each heading or keyword; a table split by a page break
 * repeats its header and is merged, while a heading that goes back in the template's order (a page
 * of another process printed inside this one) starts a stray page that is reported, never merged.
 */
import { cleanText } from "../manual-text";
import type { BlockStep, ImportWarning, Located, ProcessBlock } from "../process-block";
import { filledCells, numberedCells, type TemplateLine } from "./table-rows";
import {
  isBackMatter,
  isPageFurniture,
  keywordSection,
  type SectionKind,
  sectionHeading,
  sectionOrder,
  tableHeading,
} from "./template-headings";

/** Where the process's parts start, as the boundary finder saw them. */
export interface BlockFrame {
  /** The title's lines (one, or two when the title wraps). */
  titleLines: TemplateLine[];
  /** The service-channel table's header, when the process has one. */
  channelHeader: TemplateLine | null;
  /** The criteria heading. */
  anchor: TemplateLine;
  /** Every line from the title to the line before the next process's title. */
  lines: TemplateLine[];
}

export interface ReadBlock {
  block: ProcessBlock;
  /** The first line that belongs to no process (the Act's text after the last one), if met. */
  backMatterFrom: number | null;
}

const strayCodes: Partial<Record<SectionKind, string>> = {
  documents: "strayPage",
  fees: "secondFeeSection",
  complaints: "secondComplaintSection",
  steps: "secondStepsSection",
  total: "secondTotalDuration",
};

const located = (line: TemplateLine, text = line.raw.trim()): Located => ({ text, src: line.n });

export function readProcessBlock(frame: BlockFrame): ReadBlock {
  const { titleLines, channelHeader, anchor, lines } = frame;
  const first = titleLines[0] ?? channelHeader ?? anchor;
  const warnings: ImportWarning[] = [];
  const warn = (code: string, src: number, detail: string) => warnings.push({ code, src, detail });
  const block: ProcessBlock = {
    layout: "templateTable",
    sourceLines: [first.n, anchor.n],
    title: {
      text: titleLines.map((l) => l.raw.trim()).join(" "),
      src: first.n,
    },
    serviceChannels: [],
    criteria: [],
    criteriaNotes: [],
    steps: [],
    totalDuration: null,
    reductionStatus: null,
    documents: [],
    fees: null,
    complaintChannels: [],
    extraInfo: [],
    warnings,
  };
  if (titleLines.length === 0) warn("noTitle", anchor.n, "no title line above the service channels");
  const wrapped = titleLines[1];
  if (wrapped) warn("titleWraps", wrapped.n, `title continues from line ${first.n}`);

  const feeRows = () => {
    block.fees ??= [];
    return block.fees;
  };
  const unplaced = (line: TemplateLine, section: SectionKind) => {
    block.extraInfo.push({
      heading: sectionHeading[section],
      text: located(line, filledCells(line).join(" ")),
    });
    warn(
      section === "channels" ? "looseChannelLine" : "unplacedLine",
      line.n,
      `a line outside the ${section} section's table, kept as extra information`,
    );
  };

  // The channel table sits between the title and the criteria heading; a loose line there (a
  // seasonal window under the table) is kept as extra information, not forced into a cell.
  if (channelHeader) {
    for (const line of lines.filter((l) => l.n > channelHeader.n && l.n < anchor.n)) {
      if (line.kind === "row") {
        if (tableHeading(line) === "channels") {
          warn("tableSplit", line.n, "repeated service-channel header merged");
          continue;
        }
        const { rest } = numberedCells(line);
        block.serviceChannels.push({
          place: located(line, rest[0] ?? ""),
          hours: rest.length > 1 ? located(line, rest[1]) : null,
        });
        if (rest.length > 2) warn("extraCells", line.n, `${rest.length} cells in a service-channel row`);
      } else if (line.kind === "prose" && !isPageFurniture(line)) {
        unplaced(line, "channels");
      }
    }
  } else {
    warn("noServiceChannels", anchor.n, "no service-channel table before the criteria");
  }

  let section: SectionKind = "criteria";
  let stray: number | null = null;
  const seen = new Set<SectionKind>(["criteria"]);
  let backMatterFrom: number | null = null;
  let last = anchor.n;

  for (const line of lines.filter((l) => l.n > anchor.n)) {
    if (line.kind === "blank" || line.kind === "separator") continue;
    if (isPageFurniture(line)) {
      warn("pageFurniture", line.n, "page header or footer skipped");
      continue;
    }
    const pastCriteria: boolean = sectionOrder[section] >= sectionOrder.steps;
    if (pastCriteria && (isBackMatter(line) || endsAfterComplaints(line, section))) {
      backMatterFrom = line.n;
      break;
    }
    last = line.n;
    if (line.kind === "stub") {
      warn("emptyRow", line.n, "empty row skipped");
      continue;
    }
    const heading = tableHeading(line);
    const keyword = heading ? null : keywordSection(line);
    // In the criteria only a note or the total may follow: a paragraph may start with "ค่าธรรมเนียม".
    const opens: SectionKind | null =
      heading ?? (keyword && (pastCriteria || keyword === "notes" || keyword === "total") ? keyword : null);

    if (stray !== null) {
      if (opens && opens !== section) {
        section = opens;
        const code = seen.has(opens) ? (strayCodes[opens] ?? "strayPage") : "strayPage";
        warn(code, line.n, `${opens} inside the stray page from line ${stray}: not merged`);
      }
      continue;
    }

    if (opens) {
      if (opens === section && heading) {
        if (opens !== "criteria") warn("tableSplit", line.n, `repeated ${opens} header merged`);
        reportShiftedHeader(line, warn);
        continue;
      }
      if (sectionOrder[opens] < sectionOrder[section] || (seen.has(opens) && opens !== section)) {
        stray = line.n;
        section = opens;
        warn(
          strayCodes[opens] ?? "strayPage",
          line.n,
          `${opens} after ${[...seen].pop()}: another process's page?`,
        );
        continue;
      }
      section = opens;
      seen.add(opens);
      if (heading) {
        if (opens === "fees") block.fees ??= [];
        reportShiftedHeader(line, warn);
        continue;
      }
      if (opens === "notes") block.criteriaNotes.push(located(line));
      else if (opens === "total") block.totalDuration = located(line);
      else if (opens === "reduction") block.reductionStatus = located(line);
      else if (opens === "fees") feeRows().push({ cells: [line.raw.trim()], src: line.n });
      continue;
    }

    switch (section) {
      case "criteria":
        block.criteria.push(located(line, line.kind === "row" ? filledCells(line).join(" ") : undefined));
        break;
      case "notes":
        block.criteriaNotes.push(
          located(line, line.kind === "row" ? filledCells(line).join(" ") : undefined),
        );
        break;
      case "steps":
        if (line.kind === "row") block.steps.push(stepOf(line, warn));
        else unplaced(line, section);
        break;
      case "documents":
        if (line.kind === "row") {
          const { seq, fused, rest } = numberedCells(line);
          if (fused) warn("seqFusedInCell", line.n, "document number inside the name cell");
          if (rest.length > 1) warn("extraCells", line.n, `${rest.length} cells in a document row`);
          block.documents.push({ seq, text: located(line, rest.join(" ")) });
        } else unplaced(line, section);
        break;
      case "fees": {
        const { fused, rest } =
          line.kind === "row" ? numberedCells(line) : { fused: false, rest: [line.raw.trim()] };
        if (fused) warn("seqFusedInCell", line.n, "fee number inside the detail cell");
        feeRows().push({ cells: rest, src: line.n });
        break;
      }
      case "complaints":
        if (line.kind === "row") {
          const { rest } = numberedCells(line);
          block.complaintChannels.push(located(line, rest.join(" ")));
        } else unplaced(line, section);
        break;
      default:
        unplaced(line, section);
    }
  }

  block.sourceLines = [first.n, last];
  reportGaps(block, warn);
  return { block, backMatterFrom };
}

/** "| ขั้นตอน | ระยะเวลา และส่วนงานที่รับผิดชอบ | ระยะเวลา |": the heading cut over the number's cell. */
function reportShiftedHeader(line: TemplateLine, warn: (code: string, src: number, detail: string) => void) {
  const cells = filledCells(line).map((c) => cleanText(c).replace(/\s+/g, ""));
  if (cells.includes("ขั้นตอน"))
    warn("headerInWrongCells", line.n, "steps heading split over the header's cells");
}

/** Prose after the complaint channels is no longer the process: the template ends with them. */
function endsAfterComplaints(line: TemplateLine, section: SectionKind): boolean {
  return section === "complaints" && line.kind === "prose" && !tableHeading(line) && !keywordSection(line);
}

function stepOf(line: TemplateLine, warn: (code: string, src: number, detail: string) => void): BlockStep {
  const { seq, fused, rest } = numberedCells(line);
  if (fused) warn("seqFusedInCell", line.n, "step number inside the step cell");
  if (rest.length > 2) warn("extraCells", line.n, `${rest.length} cells in a step row`);
  const duration = rest.length > 1 ? rest[rest.length - 1] : null;
  if (duration === null) warn("noStepDuration", line.n, "step row without a duration cell");
  return {
    seq,
    text: located(line, rest.slice(0, Math.max(1, rest.length - 1)).join(" ")),
    duration: duration === null ? null : located(line, duration),
  };
}

/** What the template has and this process lacks: unknown, reported, never filled in. */
function reportGaps(block: ProcessBlock, warn: (code: string, src: number, detail: string) => void) {
  const at = block.title.src;
  if (block.steps.length === 0) warn("noSteps", at, "no steps table");
  if (block.totalDuration === null) warn("noTotalDuration", at, "no ระยะเวลาดำเนินการรวม line");
  if (block.documents.length === 0) warn("noDocuments", at, "no document list");
  if (block.fees === null) warn("noFeeSection", at, "no fee section: fees unknown");
  if (block.complaintChannels.length === 0) warn("noComplaintChannels", at, "no complaint channels");
  const unclean = block.steps.find((s) => cleanText(s.text.text) === "");
  if (unclean) warn("emptyStep", unclean.text.src, "step row without text");
}
