/**
 * The template's tables come as Markdown pipe rows (`| a | b |`) or as TAB-separated lines, depending
 * on the tool that exported the manual. Both are cut into the same cells here, so the section reader
 * never knows which syntax it reads. Cells keep their raw text (trimmed); matching is on cleanText.
 */
import { cleanText, type ManualLine } from "../manual-text";

export type LineKind =
  /** Nothing but spaces (or TABs). */
  | "blank"
  /** `|---|:--|`: the Markdown line under a header. */
  | "separator"
  /** A table row whose cells are all empty (`| | |`): left over where a page split a table. */
  | "stub"
  | "row"
  /** A line outside any table. */
  | "prose";

export interface TemplateLine {
  n: number;
  raw: string;
  /** cleanText of the whole line (cells joined by a space). */
  clean: string;
  kind: LineKind;
  /** The cells, raw and trimmed, leading and trailing empty ones kept (pipe) or dropped (TAB). */
  cells: string[];
}

const separatorCell = /^:?-+:?$/;

/** `| a | b |` → ["a", "b"]; a missing closing pipe (a cut line) is tolerated. */
export function pipeCells(line: string): string[] | null {
  const t = line.trim();
  if (!t.startsWith("|")) return null;
  const inner = t.endsWith("|") && t.length > 1 ? t.slice(1, -1) : t.slice(1);
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}

/**
 * `a\tb\t\tc` → ["a", "b", "c"]: one or more TABs separate cells, so an empty cell cannot be told
 * from a wide gap and empty cells are dropped. A line with text on one side of its TABs only
 * (indentation) is not a row.
 */
export function tabCells(line: string): string[] | null {
  if (!line.includes("\t")) return null;
  const cells = line
    .split(/\t+/)
    .map((c) => c.trim())
    .filter((c) => c !== "");
  return cells.length >= 2 ? cells : null;
}

export function classifyLine(line: ManualLine): TemplateLine {
  const raw = line.text;
  const cells = pipeCells(raw) ?? tabCells(raw);
  if (cells === null) {
    const clean = cleanText(raw);
    return {
      n: line.n,
      raw,
      clean,
      kind: clean === "" ? "blank" : "prose",
      cells: clean ? [raw.trim()] : [],
    };
  }
  const clean = cleanText(cells.join(" "));
  let kind: LineKind = "row";
  if (cells.every((c) => c === "")) kind = "stub";
  else if (cells.every((c) => c === "" || separatorCell.test(c))) kind = "separator";
  return { n: line.n, raw, clean, kind, cells };
}

/** The row's non-empty cells, in order. */
export function filledCells(row: TemplateLine): string[] {
  return row.cells.filter((c) => cleanText(c) !== "");
}

/** A cell that is only a sequence number ("3", "๓", "3.", "(3)"). */
export function seqCell(cell: string): number | null {
  const m = cleanText(cell).match(/^\(?(\d{1,3})[.)]?$/);
  return m ? Number(m[1]) : null;
}

/** A number fused to the start of a cell's text ("1 ประเภท…", "<p>1. ประเภท…"). */
export function leadingSeq(cell: string): number | null {
  const m = cleanText(cell).match(/^(\d{1,3})[.)]?\s+\S/);
  return m ? Number(m[1]) : null;
}

/**
 * A row split into its number and its other filled cells: a leading number cell becomes `seq`, a
 * number fused to the text is reported as `fused` (the text is left raw for the cell parsers).
 */
export function numberedCells(row: TemplateLine): { seq: number | null; fused: boolean; rest: string[] } {
  const cells = filledCells(row);
  const head = cells[0] ?? "";
  const seq = cells.length >= 2 ? seqCell(head) : null;
  if (seq !== null) return { seq, fused: false, rest: cells.slice(1) };
  const fused = leadingSeq(head);
  return { seq: fused, fused: fused !== null, rest: cells };
}
