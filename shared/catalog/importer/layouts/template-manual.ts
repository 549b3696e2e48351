/**
 * A manual in the Act's template, whatever its table syntax (Markdown pipes or TABs): the cover's
 * authority, the table of contents, then one process per criteria heading. A process starts at its
 * title, found by walking back from the criteria heading over the service-channel table, and ends
 * where the next title starts; the front matter before the first title and the Act's text after the
 * last process belong to none.
 */
import { manualLines } from "../manual-text";
import type { ImportWarning, Located, ProcessBlock, SegmentedManual } from "../process-block";
import { classifyLine, type TemplateLine } from "./table-rows";
import { matchContents, readContents } from "./template-contents";
import {
  isAuthorityName,
  isContentsHeading,
  isCriteriaAnchor,
  isPageFurniture,
  keywordSection,
  tableHeading,
} from "./template-headings";
import { type BlockFrame, readProcessBlock } from "./template-sections";

/** True when the text uses the Act's template (its headings), whatever the table syntax. */
export function usesTemplateLayout(text: string): boolean {
  const lines = manualLines(text).map(classifyLine);
  return lines.some(isCriteriaAnchor) && lines.some((l) => tableHeading(l) === "steps");
}

export function readTemplateManual(text: string): SegmentedManual {
  const lines = manualLines(text).map(classifyLine);
  const warnings: ImportWarning[] = [];
  const anchors = lines.filter(isCriteriaAnchor);
  const frames = anchors.map((anchor, k) => frameStart(lines, anchor, anchors[k - 1]?.n ?? 0));
  const starts = frames.map((f) => (f.titleLines[0] ?? f.channelHeader ?? f.anchor).n);

  const blocks: ProcessBlock[] = frames.map((f, k) => {
    const start = starts[k] ?? f.anchor.n;
    const end = (starts[k + 1] ?? lines.length + 1) - 1;
    const frame: BlockFrame = { ...f, lines: lines.slice(start - 1, end) };
    const { block, backMatterFrom } = readProcessBlock(frame);
    if (backMatterFrom !== null) {
      const rest = frame.lines.filter((l) => l.n >= backMatterFrom && l.kind !== "blank").length;
      warnings.push({
        code: k + 1 === frames.length ? "backMatter" : "unassignedText",
        src: backMatterFrom,
        detail: `${rest} lines after process ${k + 1} belong to no process`,
      });
    }
    return block;
  });

  const front = lines.slice(0, (starts[0] ?? lines.length + 1) - 1);
  const authorityLine = front.find(isAuthorityName);
  const authority: Located | null = authorityLine
    ? { text: authorityLine.raw.trim(), src: authorityLine.n }
    : null;
  if (!authority) warnings.push({ code: "noAuthority", src: 1, detail: "no authority name on the cover" });

  const contents = readContents(front);
  if (contents.length === 0 && front.some(isContentsHeading))
    warnings.push({ code: "unreadContents", src: front.find(isContentsHeading)!.n, detail: "no entries" });
  const matches = matchContents(
    blocks.map((b) => b.title.text),
    contents,
  );
  const used = new Set(matches.flatMap((match) => (match?.inOrder ? [match.entry] : [])));
  blocks.forEach((block, k) => {
    const match = matches[k];
    if (!match) {
      if (contents.length > 0)
        block.warnings.push({
          code: "notInContents",
          src: block.title.src,
          detail: "no contents entry matched",
        });
      return;
    }
    block.titleInIndex = match.entry;
    if (!match.inOrder)
      block.warnings.push({
        code: used.has(match.entry) ? "duplicateProcess" : "contentsOutOfOrder",
        src: block.title.src,
        detail: `contents entry at line ${match.entry.src} stands elsewhere in the contents' order`,
      });
  });
  const matched = new Set(matches.map((match) => match?.entry));
  for (const entry of contents.filter((c) => !matched.has(c)))
    warnings.push({ code: "contentsEntryUnmatched", src: entry.src, detail: entry.text });

  return { layout: "templateTable", authority, blocks, warnings };
}

/**
 * The title and the service-channel table above a criteria heading. The table's header is searched
 * back to the previous process's criteria, stopping at anything a process ends with; the title is
 * the prose line above it, and the line above that too when the title wraps ("(ระยะที่ 2 : …)" on a
 * line of its own).
 */
function frameStart(lines: TemplateLine[], anchor: TemplateLine, previousAnchor: number) {
  let channelHeader: TemplateLine | null = null;
  for (let n = anchor.n - 1; n > previousAnchor && n >= anchor.n - 30; n--) {
    const line = lines[n - 1]!;
    const heading = tableHeading(line);
    if (heading === "channels") {
      channelHeader = line;
      break;
    }
    if (heading || keywordSection(line) || isContentsHeading(line)) break;
  }
  const titleLines: TemplateLine[] = [];
  for (let n = (channelHeader ?? anchor).n - 1; n > previousAnchor && titleLines.length < 2; n--) {
    const line = lines[n - 1]!;
    if (line.kind === "blank" || line.kind === "separator" || isPageFurniture(line)) continue;
    if (line.kind !== "prose" || tableHeading(line) || keywordSection(line) || isContentsHeading(line)) break;
    const below = titleLines[0];
    if (below && !wrapsOnto(line, below)) break;
    titleLines.unshift(line);
  }
  return { titleLines, channelHeader, anchor };
}

/** The lower line carries on the upper one: it opens with a parenthesis, or the upper leaves one open. */
function wrapsOnto(upper: TemplateLine, lower: TemplateLine): boolean {
  const open = (upper.clean.match(/\(/g) ?? []).length - (upper.clean.match(/\)/g) ?? []).length;
  return lower.clean.startsWith("(") || open > 0;
}
