/**
 * A flowchart's steps. The export writes each box as "(" / text / ")" lines, in the order the
 * drawing objects were stored (not the reading order), sometimes twice; the times sit apart on a
 * line of "( 1 นาที)" groups in reading order. Nothing ties a time to a box but position, so the
 * pairing is reported, and left undone when the counts differ.
 */

import { inferStepType, stepTypeOrder } from "../cells/step-type";
import { cleanText } from "../manual-text";
import type { BlockStep, ImportWarning, Located } from "../process-block";
import { joinWrapped, type TextLine } from "./flowchart-text";
import { isDurationText } from "./manual-index";

export interface Flowchart {
  steps: BlockStep[];
  /** Boxes that state a condition ("กรณีคำขอ…ไม่ถูกต้อง ส่งคืน…"): a branch, not a step. */
  branches: Located[];
  warnings: ImportWarning[];
}

interface Box {
  lines: TextLine[];
}

/** A line of nothing but parenthesised times: "( 1 นาที)\t(2 นาที)", "( 2  นาที)→( 1 วัน )". */
function timesIn(line: TextLine): Located[] | null {
  if (!/^(\([^()]*\)\s*)+$/.test(line.clean)) return null;
  const groups = line.raw.match(/\([^()]*\)/g) ?? [];
  if (!groups.every((g) => isDurationText(g.replace(/[๐-๙]/g, "1")))) return null;
  return groups.map((g) => ({ text: g.slice(1, -1).trim(), src: line.n }));
}

function boxText(box: Box): Located {
  return { text: joinWrapped(box.lines.map((l) => l.raw.trim())), src: box.lines[0]?.n ?? 0 };
}

export function readFlowchart(region: TextLine[], statedStepCount: number | null): Flowchart {
  const warnings: ImportWarning[] = [];
  const boxes: Box[] = [];
  const outside: TextLine[] = [];
  const times: Located[] = [];
  let open: Box | null = null;
  const close = () => {
    if (open && open.lines.length > 0) boxes.push(open);
    open = null;
  };
  for (const line of region) {
    const t = timesIn(line);
    if (t) {
      times.push(...t);
    } else if (/^\)?\s*\($/.test(line.clean)) {
      close();
      open = { lines: [] };
    } else if (line.clean.startsWith(")")) {
      close();
    } else if (/^\(.+\)$/.test(line.clean) && !open) {
      boxes.push({ lines: [{ ...line, raw: line.raw.trim().slice(1, -1) }] });
    } else if (line.clean !== "") {
      if (open) (open as Box).lines.push(line);
      else outside.push(line);
    }
  }
  close();

  if (boxes.length === 0 && outside.length > 0) {
    // 003 process 3: the boxes lost their frames and came out as plain lines.
    const firstTimes = times[0]?.src ?? Number.POSITIVE_INFINITY;
    for (const line of outside.filter((l) => l.n < firstTimes)) boxes.push({ lines: [line] });
    outside.length = 0;
    warnings.push({
      code: "boxesUnframed",
      src: boxes[0]?.lines[0]?.n ?? region[0]?.n ?? 0,
      detail: "no ( … ) frames: each line of the chart is taken as a box",
    });
  }
  for (const line of outside) warnings.push({ code: "chartCaption", src: line.n, detail: line.raw.trim() });

  const steps: BlockStep[] = [];
  const branches: Located[] = [];
  const seen = new Map<string, number>();
  for (const box of boxes) {
    const text = boxText(box);
    const key = text.text.replace(/\s/g, "");
    const first = seen.get(key);
    if (first !== undefined) {
      warnings.push({ code: "boxRepeated", src: text.src, detail: `same box as line ${first}` });
      continue;
    }
    seen.set(key, text.src);
    if (/^กรณี/.test(box.lines[0]?.clean ?? "")) {
      branches.push(text);
      warnings.push({ code: "branchBox", src: text.src, detail: "a condition box, read as criteria" });
    } else steps.push({ seq: null, text, duration: null });
  }

  reorderScrambled(steps, warnings);
  if (times.length === 0) {
    if (steps.length > 0)
      warnings.push({
        code: "stepTimesMissing",
        src: steps[0]?.text.src ?? 0,
        detail: "the chart gives no times",
      });
  } else if (times.length === steps.length) {
    steps.forEach((step, i) => {
      step.duration = times[i] ?? null;
    });
    warnings.push({
      code: "stepTimesByPosition",
      src: times[0]?.src ?? 0,
      detail: `${times.length} times paired with the boxes in the order they were read`,
    });
  } else {
    warnings.push({
      code: "stepTimesCountDiffers",
      src: times[0]?.src ?? 0,
      detail: `${times.length} times for ${steps.length} boxes: left unpaired`,
    });
  }
  if (statedStepCount !== null && statedStepCount !== steps.length)
    warnings.push({
      code: "stepCountMismatch",
      src: steps[0]?.text.src ?? region[0]?.n ?? 0,
      detail: `the summary states ${statedStepCount} steps, ${steps.length} boxes were read`,
    });
  return { steps, branches, warnings };
}

/**
 * Every process starts with the application being handed in. When the export's first box is not
 * that step, the drawing's boxes came out in another order (003 processes 7–11): they are put in
 * the template's order of step types (received, considered, signed, told, paid), keeping the
 * export's order among boxes of one type, and the reordering is reported. Times on the chart's own
 * line are in the drawing's order, so they are paired after this.
 */
function reorderScrambled(steps: BlockStep[], warnings: ImportWarning[]): void {
  const types = steps.map((s) => inferStepType(cleanText(s.text.text)));
  if (steps.length < 2 || types[0] === "documentCheck" || !types.includes("documentCheck")) return;
  const rank = (i: number) => stepTypeOrder.indexOf(types[i]!);
  const order = steps.map((_, i) => i).sort((a, b) => rank(a) - rank(b) || a - b);
  const sorted = order.map((i) => steps[i]!);
  steps.splice(0, steps.length, ...sorted);
  warnings.push({
    code: "boxesReordered",
    src: sorted[0]!.text.src,
    detail: `the first box read was not the application's receipt: boxes put in the template's order (lines ${sorted.map((s) => s.text.src).join(", ")})`,
  });
}
