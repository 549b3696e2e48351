import type { LicenseType } from "../../../../shared/catalog";
import type { ImportedEntry } from "../../../../shared/catalog/importer/imported-entry";
import { cleanText } from "../../../../shared/catalog/importer/manual-text";

/**
 * How close the importer comes to the entries people transcribed and reviewed by hand (the catalog
 * before the importer): field by field, exact or not. A reviewed entry is matched to the imported
 * process whose lines overlap its own the most.
 */
export interface Accuracy {
  exact: number;
  total: number;
  /** "<entry>: <field>: imported X, reviewed Y" for each field that differs. */
  misses: string[];
}

type Manual = LicenseType["manual"];

export function matchReviewed(
  reviewed: LicenseType,
  imported: readonly ImportedEntry[],
): ImportedEntry | null {
  const [a, b] = reviewed.manual.sourceLines;
  let best: ImportedEntry | null = null;
  let bestOverlap = 0;
  for (const entry of imported) {
    if (entry.manual.sourceFile !== reviewed.manual.sourceFile) continue;
    const [c, d] = entry.manual.sourceLines;
    const overlap = Math.min(b, d) - Math.max(a, c) + 1;
    if (overlap > bestOverlap) {
      best = entry;
      bestOverlap = overlap;
    }
  }
  return best;
}

export function accuracyAgainst(reviewed: LicenseType, entry: ImportedEntry, into: Accuracy): void {
  const r = reviewed.manual;
  const m = entry.manual;
  const check = (field: string, got: unknown, want: unknown) => {
    into.total += 1;
    if (JSON.stringify(got ?? null) === JSON.stringify(want ?? null)) into.exact += 1;
    else into.misses.push(`${reviewed.id}: ${field}: imported ${show(got)}, reviewed ${show(want)}`);
  };

  check("title", squeeze(m.title), squeeze(r.title));
  check("steps.length", m.steps.length, r.steps.length);
  r.steps.forEach((step, i) => {
    const got = m.steps[i];
    check(`steps[${i}].stepType`, got?.stepType, step.stepType);
    check(`steps[${i}].duration`, durationOf(got?.duration), durationOf(step.duration));
  });
  check("totalDuration", durationOf(m.totalDuration), durationOf(r.totalDuration));
  if (r.legalTimeLimit) check("legalTimeLimit", durationOf(m.legalTimeLimit), durationOf(r.legalTimeLimit));
  check("documents.length", m.documents.length, r.documents.length);
  r.documents.forEach((doc, i) => {
    const got = m.documents.find((d) => d.src === doc.src) ?? m.documents[i];
    check(`documents[${doc.key}].counts`, countsOf(got), countsOf(doc));
    check(`documents[${doc.key}].category`, got?.category, doc.category);
  });
  check("fees", feesOf(m.fees), feesOf(r.fees));
  check("serviceChannels.length", m.serviceChannels.length, r.serviceChannels.length);
  check("complaintChannels.length", m.complaintChannels.length, r.complaintChannels.length);
}

const squeeze = (text: string) => cleanText(text).replace(/\s+/g, "");
const show = (value: unknown) => JSON.stringify(value ?? null).slice(0, 120);

function durationOf(d: Manual["totalDuration"] | undefined) {
  return d ? { min: d.min, max: d.max, unit: d.unit } : null;
}

function countsOf(
  d: { originals: number | null; copies: number | null; countUnit: string | null } | undefined,
) {
  return d ? { originals: d.originals, copies: d.copies, countUnit: d.countUnit } : null;
}

function feesOf(fees: Manual["fees"]) {
  return (
    fees?.map((f) => ({ kind: f.kind, amountTHB: f.amountTHB, maxTHB: f.maxTHB, percent: f.percent })) ?? null
  );
}
