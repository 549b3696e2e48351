/**
 * A fee table that the export flattened column by column (003 process 17): a header of short cells
 * ("ประเภท", "รายละเอียด", "ค่าธรรมเนียม"), then per numbered category its labels one per line and
 * after them its amounts one per line. Labels and amounts are paired again by position.
 */
import type { BlockFee, ImportWarning } from "../process-block";
import { numberedItem, type TextLine } from "./flowchart-text";

export interface FeeTable {
  fees: BlockFee[];
  /** Indexes (into the lines given) the table took, header included. */
  taken: Set<number>;
  warnings: ImportWarning[];
}

const amountCell = /^\d[\d,.]*\s*บาท/;
const feeHeader = /^ค่าธรรมเนียม(\s*\(.*\))?$/;

/** The header's cells: the fee column and the short cells just above it. */
function headerStart(lines: TextLine[], at: number): number | null {
  let i = at - 1;
  let cells = 0;
  while (i >= 0 && lines[i] && lines[i]!.clean.length <= 20 && !numberedItem(lines[i]!.raw)) {
    if (lines[i]!.clean !== "") cells++;
    i--;
  }
  return cells >= 1 ? i + 1 : null;
}

export function readFeeTables(lines: TextLine[]): FeeTable {
  const fees: BlockFee[] = [];
  const taken = new Set<number>();
  const warnings: ImportWarning[] = [];
  for (let at = 0; at < lines.length; at++) {
    if (!feeHeader.test(lines[at]!.clean)) continue;
    const start = headerStart(lines, at);
    if (start === null) continue;
    for (let i = start; i <= at; i++) taken.add(i);
    let end = at + 1;
    while (end < lines.length && (lines[end]!.clean.length <= 60 || numberedItem(lines[end]!.raw))) end++;
    const groups: { category: string; lines: TextLine[] }[] = [];
    for (let i = at + 1; i < end; i++) {
      taken.add(i);
      const line = lines[i]!;
      if (line.clean === "") continue;
      const item = numberedItem(line.raw);
      if (item) groups.push({ category: item.text, lines: [] });
      else groups.at(-1)?.lines.push(line);
    }
    for (const group of groups) fees.push(...zipGroup(group.category, group.lines, warnings));
    at = end - 1;
  }
  return { fees, taken, warnings };
}

function zipGroup(category: string, lines: TextLine[], warnings: ImportWarning[]): BlockFee[] {
  const amounts = lines.filter((l) => amountCell.test(l.clean));
  const labels = lines.filter((l) => !amountCell.test(l.clean));
  if (labels.length === 0 && amounts.length === 1)
    return [{ cells: [category, amounts[0]!.raw.trim()], src: amounts[0]!.n }];
  if (labels.length === amounts.length && labels.length > 0)
    return labels.map((label, i) => ({
      cells: [`${category} ${label.raw.trim()}`, amounts[i]!.raw.trim()],
      src: label.n,
    }));
  warnings.push({
    code: "feeTableUnzippable",
    src: lines[0]?.n ?? 0,
    detail: `${category}: ${labels.length} labels, ${amounts.length} amounts; kept line by line`,
  });
  return lines.map((l) => ({ cells: [`${category} ${l.raw.trim()}`], src: l.n }));
}
