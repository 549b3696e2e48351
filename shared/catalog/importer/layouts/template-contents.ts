/**
 * The front matter's table of contents. It is printed in two columns (title, page, title, page), so
 * it is read column by column, page by page, to get the manual's order. Its titles differ from the
 * body's by typos and cuts ("ทนายท"/"ทายาท", "ลักษณะที่ สอ"), so they are matched fuzzily: an
 * alignment that keeps the order, then a looser best match for a process printed twice.
 */

import { cleanText } from "../manual-text";
import type { Located } from "../process-block";
import { seqCell, type TemplateLine } from "./table-rows";
import { isContentsHeading } from "./template-headings";

/** Titles of the table of contents in reading order. */
export function readContents(front: TemplateLine[]): Located[] {
  const start = front.findIndex(isContentsHeading);
  if (start < 0) return [];
  const entries: Located[] = [];
  let columns: Located[][] = [];
  const flush = () => {
    for (const column of columns) entries.push(...(column ?? []));
    columns = [];
  };
  for (const line of front.slice(start)) {
    if (line.kind !== "row") {
      if (line.kind === "prose") flush();
      continue;
    }
    for (const [column, title] of rowTitles(line)) {
      columns[column] ??= [];
      columns[column].push({ text: title, src: line.n });
    }
  }
  flush();
  return entries;
}

/**
 * The titles of one contents row with their column. A pipe row keeps its empty cells, so a title's
 * column is its position in (title, page) pairs; a TAB row drops them, so columns are counted by the
 * page numbers passed.
 */
function rowTitles(line: TemplateLine): [number, string][] {
  const titles: [number, string][] = [];
  const isPipe = line.raw.trim().startsWith("|");
  let pages = 0;
  line.cells.forEach((cell, i) => {
    if (cleanText(cell) === "") return;
    if (seqCell(cell) !== null) {
      pages++;
      return;
    }
    titles.push([isPipe ? Math.floor(i / 2) : pages, cell.trim()]);
  });
  return titles;
}

const squeeze = (text: string) => cleanText(text).replace(/\s+/g, "");

function bigrams(text: string): Map<string, number> {
  const s = squeeze(text);
  const grams = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** Dice coefficient over character bigrams of the squeezed text: 1 for equal titles. */
export function titleSimilarity(a: string, b: string): number {
  const ga = bigrams(a);
  const gb = bigrams(b);
  let common = 0;
  let total = 0;
  for (const [g, n] of ga) {
    common += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return total === 0 ? 0 : (2 * common) / total;
}

const inOrder = 0.6;
const outOfOrder = 0.8;

/**
 * For each body title, the contents entry it stands for (or null): the order-keeping alignment with
 * the greatest total similarity, then, for a title left over, the best entry above a stricter bar.
 */
export interface ContentsMatch {
  entry: Located;
  /** False for a title matched outside the contents' order (a process printed twice). */
  inOrder: boolean;
}

export function matchContents(titles: string[], contents: Located[]): (ContentsMatch | null)[] {
  const n = titles.length;
  const m = contents.length;
  const scores = titles.flatMap((t) => contents.map((c) => titleSimilarity(t, c.text)));
  const score = (i: number, j: number) => scores[i * m + j] ?? 0;
  // best(i, j): greatest total over titles[i..] and contents[j..].
  const table = new Float64Array((n + 1) * (m + 1));
  const best = (i: number, j: number) => table[i * (m + 1) + j] ?? 0;
  const take = (i: number, j: number) => (score(i, j) >= inOrder ? score(i, j) + best(i + 1, j + 1) : -1);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = Math.max(take(i, j), best(i + 1, j), best(i, j + 1));
    }
  }
  const matched: (Located | null)[] = titles.map(() => null);
  let i = 0;
  let j = 0;
  // On a tie the title is skipped first: of two identical titles the later one takes the entry,
  // as a contents page lists the copy that sits where its page number says.
  while (i < n && j < m) {
    if (best(i, j) === best(i + 1, j)) i++;
    else if (take(i, j) >= 0 && best(i, j) === take(i, j)) matched[i++] = contents[j++] ?? null;
    else j++;
  }
  return matched.map((entry, k) => {
    if (entry) return { entry, inOrder: true };
    let top = -1;
    for (let c = 0; c < m; c++) if (top < 0 || score(k, c) > score(k, top)) top = c;
    const loose = top >= 0 && score(k, top) >= outOfOrder ? contents[top] : undefined;
    return loose ? { entry: loose, inOrder: false } : null;
  });
}
