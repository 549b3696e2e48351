import type { ManualDurationData } from "../../schema";
import { cleanText } from "../manual-text";
import type { Located } from "../process-block";
import { durationMatches } from "./duration";

/**
 * The laws a process names in its prose, and a time limit the law sets for the decision where the
 * criteria quote one (MANUALS.md §1b: neither source has the template's legal-basis or legal-time
 * fields, only prose).
 */

// "ระเบียบ" and "ประกาศ" are also ordinary words ("ตามนัยแห่งระเบียบ", "ประกาศกำหนด"): only an
// issuer after them makes a name.
const lawKeyword = [
  "พระราชบัญญัติ",
  String.raw`พ\.\s?ร\.\s?บ\.?`,
  String.raw`พรบ\.?`,
  "กฎกระทรวง",
  "พระราชกฤษฎีกา",
  "ระเบียบ(?=กระทรวง|กรม|คณะกรรมการ|สำนัก|กรุงเทพ|ว่าด้วย)",
  "ประกาศ(?=กระทรวง|กรม|คณะกรรมการ|สำนักงาน)",
  "เทศบัญญัติ",
  "ข้อบัญญัติ",
].join("|");

/** A name ending in its Buddhist-era year; no digits inside but an edition ("(ฉบับที่ 2)"). */
const namedWithYear = new RegExp(
  String.raw`(${lawKeyword})((?:(?!${lawKeyword}|มาตรา|พ\.\s?ศ)[^()\d|]|\(?ฉบับที่\s*\d+\)?){0,160}?)\s*พ\.\s?ศ\.?\s*(\d{4})`,
  "g",
);
/** An Act or announcement named without a year: its name is the run of letters after the keyword. */
const namedWithoutYear =
  /(พระราชบัญญัติ|พ\.\s?ร\.\s?บ\.?|พรบ\.?|ประกาศ(?=กระทรวง))\s*([^\s()]+)(\s+เรื่อง[^\s()]+)?/g;
/** Words that end an Act's name in running Thai text ("…ถมดินใช้บังคับ", "…ถมดินคือ…"); not "และ"
 * or "ที่", which names contain ("การขุดดินและถมดิน", "จัดสรรที่ดิน"). */
const nameEnd = /(?:ใช้บังคับ|คือ|ซึ่ง|แห่ง|ได้แก่|ให้).*$/;

function normalizeKeyword(keyword: string): string {
  return /^(?:พ\.|พรบ)/.test(keyword) ? "พระราชบัญญัติ" : keyword;
}

/** "พ.ร.บ. การสาธารณสุข พ.ศ.2535" → "พระราชบัญญัติการสาธารณสุข พ.ศ. 2535". */
function normalizeName(keyword: string, name: string, year?: string): string {
  const k = normalizeKeyword(keyword);
  const body = name.replace(/\s+/g, " ").trim();
  // An Act's name runs on from the keyword; other keywords keep the space the manual put there.
  const joined = k === "พระราชบัญญัติ" || !/^\s/.test(name) ? `${k}${body}` : `${k} ${body}`;
  return year ? `${joined} พ.ศ. ${year}` : joined;
}

export function lawNamesIn(texts: Located[]): string[] {
  const names: string[] = [];
  // Spacing inside a name varies between citations of one law: the first spelling met is kept.
  const key = (name: string) => name.replace(/\s+/g, "");
  const add = (name: string) => {
    if (!names.some((n) => key(n) === key(name))) names.push(name);
  };
  for (const { text } of texts) {
    const clean = cleanText(text);
    for (const [, keyword = "", name = "", year] of clean.matchAll(namedWithYear)) {
      if (/^\s*(?:นี้|ฯ)?\s*$/.test(name) && normalizeKeyword(keyword) === "พระราชบัญญัติ") continue;
      add(normalizeName(keyword, name, year));
    }
    const rest = clean.replace(namedWithYear, " ");
    for (const [, keyword = "", word = "", topic = ""] of rest.matchAll(namedWithoutYear)) {
      const base = word.replace(/ฯ$/, "").replace(nameEnd, "");
      if (base.length < 3 || /^(?:นี้|ฯ)/.test(base)) continue;
      add(normalizeName(keyword, topic ? `${base} ${topic.trim()}` : base));
    }
  }
  // A name also cited with its year is the same law.
  return names.filter((n) => !names.some((other) => other !== n && key(other).startsWith(`${key(n)}พ.ศ.`)));
}

export type LegalTimeLimit = ManualDurationData & { src: number };

/**
 * Every "ภายใน N วัน นับแต่/นับจาก …" in the texts: the form in which the law's deadline for the
 * decision is quoted (004 line 326). A "within" not counted from an event is a step's own timing.
 */
export function legalTimeLimitCandidates(texts: Located[]): LegalTimeLimit[] {
  const found: LegalTimeLimit[] = [];
  for (const { text, src } of texts) {
    const clean = cleanText(text);
    for (const m of durationMatches(clean)) {
      const after = clean.slice(m.index + clean.slice(m.index).indexOf(m.text) + m.text.length);
      if (m.qualifier !== "within" || m.unit === null || !/^\s*นับ(?:แต่|จาก)/.test(after)) continue;
      // Counted from the decision ("…แล้วเสร็จ", the notice of it) or from an assessment (the payer's own
      // deadline): not the time the law gives for deciding.
      if (/^\s*นับ(?:แต่|จาก)\S{0,12}\s?(?:พิจารณาแล้วเสร็จ|ได้รับแจ้งการประเมิน)/.test(after)) continue;
      found.push({ raw: m.text, min: m.min, max: m.max, unit: m.unit, qualifier: "within", src });
    }
  }
  return found;
}

/** The one time limit the texts quote; null when none, or when they quote different ones. */
export function legalTimeLimitIn(texts: Located[]): LegalTimeLimit | null {
  const all = legalTimeLimitCandidates(texts);
  const distinct = new Set(all.map((c) => `${c.min}-${c.max}-${c.unit}`));
  return distinct.size === 1 ? (all[0] ?? null) : null;
}
