/**
 * The front of a flowchart manual: the cover naming the authority, and the index table listing the
 * processes with their service times before and after the reduction (003: "ปี 2560 (ของเดิม)" and
 * "ปี 2562 (ของใหม่)"). The index is read row by row from its number cells, so a table that runs
 * over two pages (a repeated header in between) reads as one.
 */

import { cleanText, parseManualNumber } from "../manual-text";
import type { ImportWarning, Located } from "../process-block";
import { atMargin, joinWrapped, located, type TextLine } from "./flowchart-text";

export interface IndexEntry {
  seq: number;
  name: Located;
  /** Every duration cell of the row, raw, in reading order (before column, then after column). */
  durations: Located[];
}

export interface ManualIndex {
  entries: IndexEntry[];
  /** The count the index states ("จำนวน ๑๗ กระบวนงาน"), where it states one. */
  statedCount: Located | null;
  warnings: ImportWarning[];
}

const authorityName = /^(องค์การบริหารส่วน(ตำบล|จังหวัด)|เทศบาล(ตำบล|เมือง|นคร)|กรุงเทพมหานคร|เมืองพัทยา)[^\s]+$/;

/** The cover's authority: the first line that is nothing but an authority's name. */
export function coverAuthority(front: TextLine[]): Located | null {
  const line = front.find((l) => authorityName.test(l.clean));
  return line ? located(line) : null;
}

const durationCell = /\d\s*(นาที|วัน|ชั่วโมง|ชม)|ทันที/;

export function isDurationText(clean: string): boolean {
  return durationCell.test(clean);
}

/** A row number alone in its cell: "\t1", "\t๑๗". */
function rowNumber(line: TextLine): number | null {
  return /^\d{1,3}$/.test(line.clean) ? Number(line.clean) : null;
}

/**
 * Rows start at a number cell that continues the count from 1; the name is the next line, with
 * wrapped continuations (lines at the margin that are not sub-items "- …"/"กรณี…"); duration
 * cells follow. Anything else in a row (a repeated page header, a footer) is skipped.
 */
export function readManualIndex(front: TextLine[]): ManualIndex {
  const entries: IndexEntry[] = [];
  const warnings: ImportWarning[] = [];
  let statedCount: Located | null = null;
  let current: { entry: IndexEntry; nameOpen: boolean } | null = null;
  for (const line of front) {
    if (!statedCount && /^จำนวน\s*\d+\s*กระบวนงาน/.test(line.clean)) statedCount = located(line);
    const n = rowNumber(line);
    if (n !== null && n === entries.length + 1) {
      current = { entry: { seq: n, name: { text: "", src: line.n + 1 }, durations: [] }, nameOpen: true };
      entries.push(current.entry);
      continue;
    }
    if (!current || line.clean === "") continue;
    const { entry } = current;
    if (entry.name.text === "") {
      entry.name = located(line);
    } else if (isDurationText(line.clean)) {
      current.nameOpen = false;
      entry.durations.push(located(line));
    } else if (current.nameOpen && atMargin(line) && !/^(-|กรณี)/.test(line.clean)) {
      entry.name = { text: joinWrapped([entry.name.text, line.raw.trim()]), src: entry.name.src };
    } else if (current.nameOpen && /^(-|กรณี)/.test(line.clean)) {
      warnings.push({ code: "indexSubItem", src: line.n, detail: `row ${entry.seq}: ${line.clean}` });
    }
  }
  if (statedCount) {
    const stated = parseManualNumber(statedCount.text);
    if (stated !== entries.length)
      warnings.push({
        code: "indexCountDiffers",
        src: statedCount.src,
        detail: `the index states ${stated} processes, ${entries.length} rows were read`,
      });
  }
  return { entries, statedCount, warnings };
}

/** Letter pairs of a name without spaces, digits Arabic: what fuzzy matching compares. */
function letterPairs(text: string): string[] {
  const s = cleanText(text).replace(/[\s()]/g, "");
  const pairs: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) pairs.push(s.slice(i, i + 2));
  return pairs;
}

/** Dice coefficient over letter pairs: 1 for equal names, near 1 for a word swapped or misspelt. */
export function nameSimilarity(a: string, b: string): number {
  const pa = letterPairs(a);
  const pb = letterPairs(b);
  if (pa.length === 0 || pb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const p of pa) counts.set(p, (counts.get(p) ?? 0) + 1);
  let shared = 0;
  for (const p of pb) {
    const c = counts.get(p) ?? 0;
    if (c > 0) {
      shared++;
      counts.set(p, c - 1);
    }
  }
  return (2 * shared) / (pa.length + pb.length);
}

/** Below this a title is taken to name another process: 003's closest distinct pair scores ≈ 0.6. */
export const sameProcessThreshold = 0.7;

export function bestIndexEntry(title: string, entries: IndexEntry[]): IndexEntry | null {
  let best: IndexEntry | null = null;
  let bestScore = 0;
  for (const entry of entries) {
    const score = nameSimilarity(title, entry.name.text);
    if (score > bestScore) {
      best = entry;
      bestScore = score;
    }
  }
  return bestScore >= sameProcessThreshold ? best : null;
}

/** "15 วัน/ราย" → "15 day"; "3 ชม./ราย" → "3 hour"; "ในทันที" → "immediate"; else null. */
export function durationKey(text: string): string | null {
  const clean = cleanText(text);
  const m = clean.match(/(\d+(?:\.\d+)?)\s*(วัน\s*ทำการ|วัน|นาที|ชั่วโมง|ชม)/);
  if (m) {
    const unit = (m[2] ?? "").replace(/\s/g, "");
    const canon =
      unit === "วันทำการ" ? "workingDay" : unit === "วัน" ? "day" : unit === "นาที" ? "minute" : "hour";
    return `${m[1]} ${canon}`;
  }
  return /ทันที/.test(clean) ? "immediate" : null;
}

/**
 * The index's current time for a process: its durations are two columns read one after the other,
 * so the second half is the after column and its first cell that column's total.
 */
export function indexCurrentDuration(entry: IndexEntry): Located | null {
  const d = entry.durations;
  if (d.length === 0) return null;
  return d[d.length % 2 === 0 ? d.length / 2 : d.length - 1] ?? null;
}
