import type { ManualStep } from "../../schema";
import { cleanText } from "../manual-text";
import type { BlockStep, ImportWarning } from "../process-block";
import { durationMatches, parseDuration } from "./duration";
import { inferStepType, splitTypeLabel } from "./step-type";

/**
 * One step of a process: the template's cell "ประเภท<type> <description> (<responsible unit>)" with
 * its time cell, or a 003 flowchart box with the time matched to it.
 */

export type { ManualStep };
export type ManualStepData = ManualStep;

/** The template's unfilled instructions ("fill in per the locality"), MANUALS.md §2. */
const placeholder = /ให้ระบุไปตามบริบท|\(ระบุชื่อ\)|\.{4,}\s*\(ระบุ/;

/** Where the step's metadata starts: the service-time/unit instructions, with or without a parenthesis. */
const metaStart = [
  /\(\s*(?:1\s*\.\s*)?(?:ระยะเวลา(?:การ)?ให้บริการ|หน่วยงาน(?:ผู้)?รับผิดชอบ)/,
  /[\s(]1\s*\.\s*ระยะเวลา\s*:/,
];

/** The first word of a trailing parenthesis that names an office rather than a case or a note. */
const officeWords = /^(?:องค์กร|องค์การ|กอง|สำนัก|ฝ่าย|เทศบาล|ที่ทำการ|กรม|ศูนย์|หน่วยงาน|งาน)/;

/** The top-level parenthesis closing at the end of the text, if any: [start, content]. */
function trailingGroup(text: string): [number, string] | null {
  if (!text.endsWith(")")) return null;
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] === ")") depth++;
    else if (text[i] === "(" && --depth === 0) return [i, text.slice(i + 1, -1).trim()];
  }
  return null;
}

/** "1. a 2. b" → ["a", "b"]; the numbers must run 1, 2, 3 … so that "มาตรา 32." is not a split. */
function numberedItems(text: string): string[] {
  const items: string[] = [];
  let rest = text;
  for (let n = 1; ; n++) {
    const next = rest.search(new RegExp(String.raw`(?:^|[\s(])${n + 1}\s*\.\s`));
    if (next < 0) {
      items.push(rest);
      break;
    }
    items.push(rest.slice(0, next));
    rest = rest.slice(next);
  }
  return items.map((i) => balanced(i.replace(/^[\s(]*\d+\s*\.\s*/, "").trim())).filter(Boolean);
}

/** Drops the closing parentheses left over from the group an item list sat in, and only those. */
function balanced(item: string): string {
  let text = item;
  const count = (c: string) => text.split(c).length - 1;
  while (text.endsWith(")") && count(")") > count("(")) text = text.slice(0, -1).trimEnd();
  return text;
}

interface StepMeta {
  description: string;
  responsibleUnit?: string;
  notes: string[];
  placeholder: boolean;
  /** "ระยะเวลา : ไม่เกิน 3 วัน …" restated in the text (004 line 3864). */
  restatedDurations: string[];
}

/** Description, responsible unit and notes, in the five forms of MANUALS.md §2. */
function splitMeta(text: string): StepMeta {
  const starts = metaStart.map((p) => text.search(p)).filter((i) => i >= 0);
  const meta: StepMeta = { description: text, notes: [], placeholder: false, restatedDurations: [] };
  if (starts.length > 0) {
    const at = Math.min(...starts);
    meta.description = text.slice(0, at).trim();
    for (const item of numberedItems(text.slice(at))) {
      const unit = item.match(/(?:หน่วยงาน)?(?:ผู้)?รับผิดชอบ\s*คือ\s*(.+)$/);
      if (placeholder.test(item)) meta.placeholder = true;
      else if (unit?.[1]) meta.responsibleUnit = balanced(unit[1].trim());
      else if (/^ระยะเวลา\s*:/.test(item)) meta.restatedDurations.push(item);
      else meta.notes.push(item);
    }
    return meta;
  }
  const group = trailingGroup(text);
  if (group && officeWords.test(group[1])) {
    meta.description = text.slice(0, group[0]).trim();
    meta.responsibleUnit = group[1];
  }
  return meta;
}

export function parseStep(step: BlockStep, index: number): { step: ManualStep; warnings: ImportWarning[] } {
  const src = step.text.src;
  const warnings: ImportWarning[] = [];
  const clean = cleanText(step.text.text);
  const typed = splitTypeLabel(clean);
  if (typed?.fused === "labelAndText") {
    warnings.push({ code: "stepTypeFused", src, detail: `no space after "${typed.stepTypeRaw}"` });
  } else if (typed?.fused === "noLabel") {
    warnings.push({
      code: "stepTypeFused",
      src,
      detail: `no type label after ประเภท: "${clean.slice(0, 60)}"`,
    });
  }
  const body = typed ? typed.rest : clean;
  const meta = splitMeta(body);
  if (meta.placeholder) {
    warnings.push({
      code: "placeholder",
      src,
      detail: "responsible unit left as the template's instruction",
    });
  }

  let description = meta.description;
  if (!description) {
    // A cell holding only the label and its instructions still names a step; say so rather than drop it.
    description = typed?.stepTypeRaw ?? clean;
    warnings.push({ code: "stepWithoutDescription", src, detail: `only "${description}"` });
  }

  const parsed: ManualStep = {
    seq: step.seq ?? index + 1,
    stepType: typed ? typed.stepType : inferStepType(clean),
    stepTypeRaw: typed ? typed.stepTypeRaw : null,
    description,
    duration: null,
    src,
  };
  if (meta.responsibleUnit) parsed.responsibleUnit = meta.responsibleUnit;
  if (meta.notes.length > 0) parsed.notes = meta.notes;

  if (step.duration) {
    const { duration, ambiguous } = parseDuration(step.duration.text);
    if (ambiguous) warnings.push({ code: "durationAmbiguous", src: step.duration.src, detail: ambiguous });
    // The text may qualify the cell's bare number: "ระยะเวลา : ไม่เกิน 3 วัน" beside "3 วัน".
    if (duration.unit && !duration.qualifier) {
      const restated = meta.restatedDurations.flatMap((r) => durationMatches(r));
      const same = restated.find(
        (r) => r.qualifier && r.min === duration.min && r.max === duration.max && r.unit === duration.unit,
      );
      // The raw text is then the text's own words, so that reading it again gives the same value.
      if (same?.qualifier) {
        duration.qualifier = same.qualifier;
        duration.raw = same.text;
      }
    }
    parsed.duration = duration;
  } else {
    // A flowchart box with no time of its own may state one in its text ("… ภายใน 7 วัน นับแต่วันที่
    // ได้รับคำขอ"): that is the manual's duration for the step. Two different ones are left unread.
    const stated = durationMatches(clean);
    if (stated.length === 1) {
      parsed.duration = parseDuration(stated[0]!.text).duration;
      warnings.push({
        code: "durationInText",
        src,
        detail: `"${stated[0]!.text}" read from the step's text`,
      });
    }
  }
  return { step: parsed, warnings };
}
