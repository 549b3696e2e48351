import type { LicenseType } from "../catalog/schema";

/** A document the catalog lists (its Thai name is what a validity rule matches). */
type CatalogDocument = LicenseType["manual"]["documents"][number];

/**
 * How long a kind of document is accepted after it was issued. Rules are data, one row per kind,
 * matched on the catalog's Thai name of the document (keys differ between manuals; the name is what
 * the manuals share).
 */
export interface ValidityRule {
  id: string;
  /** Matches a catalog document whose Thai name contains this. */
  nameIncludes: string;
  validMonths: number;
  /** Where the period comes from, for whoever reviews the rule. */
  source: string;
}

export const documentValidityRules: readonly ValidityRule[] = [
  {
    id: "medical-certificate",
    nameIncludes: "ใบรับรองแพทย์",
    validMonths: 6,
    source:
      "Project default (issue 16), not a manual's text: none of the 20 manuals listing a ใบรับรองแพทย์ states a period. " +
      "Six months from issue, counted from the upload when the applicant states no issue date; to be confirmed per agency.",
  },
];

export function validityRuleFor(
  document: Pick<CatalogDocument, "name"> | undefined,
): ValidityRule | undefined {
  if (!document) return undefined;
  return documentValidityRules.find((rule) => document.name.includes(rule.nameIncludes));
}

const bangkokOffsetMs = 7 * 3600_000;

/** The calendar date (Bangkok) of an instant, as YYYY-MM-DD. */
export function bangkokDate(instant: string): string {
  return new Date(new Date(instant).getTime() + bangkokOffsetMs).toISOString().slice(0, 10);
}

/**
 * The instant a document stops being accepted: the start (00:00 Bangkok) of the same calendar day
 * `validMonths` later than its issue date, or than the day it was uploaded when no issue date was
 * stated. A day that month lacks (31 August + 6 months) becomes the month's last day.
 */
export function validUntilOf(
  rule: ValidityRule,
  document: { issuedOn?: string | undefined; uploadedAt: string },
): string {
  const from = document.issuedOn ?? bangkokDate(document.uploadedAt);
  const [year, month, day] = from.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + rule.validMonths, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return new Date(target.getTime() - bangkokOffsetMs).toISOString();
}

export function isExpired(validUntil: string | undefined, now: Date): boolean {
  return validUntil !== undefined && now.getTime() >= new Date(validUntil).getTime();
}
