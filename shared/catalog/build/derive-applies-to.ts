import { titleSimilarity } from "../importer/layouts/template-contents";
import { cleanText } from "../importer/manual-text";
import type { LicenseType } from "../schema";

/** The words that make a title a renewal, change or closure of another: without them, the titles meet. */
const changeWords =
  /ต่ออายุ|แก้ไขเปลี่ยนแปลง|เปลี่ยนแปลงรายการจดทะเบียน|เปลี่ยนแปลง|เลิกประกอบพาณิชยกิจ|เลิกประกอบพาณิชย์กิจ|เลิกกิจการ|แจ้งเลิก|ยกเลิก|ใบแทน|ไปแทน|โอน/g;
const bare = (title: string) => cleanText(title).replace(/\s+/g, "").replace(changeWords, "");

/** Below this, no new type of the agency is taken to be the one a change acts on. */
const sameLicense = 0.6;

/**
 * A renewal, change or closure acts on licenses of a new type of the same authority: the one whose
 * title is closest once the words of the change are taken out ("การขอต่ออายุใบอนุญาตจัดตั้งตลาด" →
 * "การขอใบอนุญาตจัดตั้งตลาด"). A renewal keeps the license's number, so it takes that type's code.
 * Entries whose appliesTo a reviewer set keep it; one with no close enough type gets none, and the
 * report says so.
 */
export function linkChangesToLicenses(entries: LicenseType[]): string[] {
  const notes: string[] = [];
  for (const entry of entries) {
    if (entry.caseType === "new") continue;
    if (entry.appliesTo === undefined) {
      const candidates = entries.filter((e) => e.caseType === "new" && e.agencyId === entry.agencyId);
      const scored = candidates
        .map((c) => ({ c, score: titleSimilarity(bare(entry.nameTh), bare(c.nameTh)) }))
        .sort((a, b) => b.score - a.score);
      const best = scored[0];
      if (!best || best.score < sameLicense) {
        notes.push(
          `${entry.id}: no new type of ${entry.agencyId} close enough to act on (best ${best?.score.toFixed(2) ?? "none"})`,
        );
        continue;
      }
      entry.appliesTo = best.c.id;
      notes.push(`${entry.id}: acts on ${best.c.id} (title similarity ${best.score.toFixed(2)})`);
    }
    const target = entries.find((e) => e.id === entry.appliesTo);
    if (entry.caseType === "renew" && target) entry.code = target.code;
  }
  return notes;
}
