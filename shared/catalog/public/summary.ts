import type { LicenseTypeSummary } from "../../schemas/catalog";
import { findAgency } from "../agencies";
import type { Agency, Fee, LicenseType } from "../schema";

/** A list row: enough to pick a license type; `GET /catalog/license-types/{id}` has the rest. */
export function licenseTypeSummary(entry: LicenseType): LicenseTypeSummary {
  const agency = agencyOf(entry);
  return {
    id: entry.id,
    nameTh: entry.nameTh,
    nameEn: entry.nameEn,
    agency: { id: agency.id, nameTh: agency.nameTh, nameEn: agency.nameEn },
    family: entry.family,
    category: entry.category,
    caseType: entry.caseType,
    timeLimit: timeLimitOf(entry),
    fee: feeSummary(entry.manual.fees),
  };
}

/** The law's time limit for the decision where the manual quotes one, else the manual's total. */
export function timeLimitOf(entry: LicenseType): LicenseTypeSummary["timeLimit"] {
  const { legalTimeLimit, totalDuration } = entry.manual;
  if (legalTimeLimit) return { basis: "law", ...legalTimeLimit };
  if (totalDuration) return { basis: "manualTotal", ...totalDuration };
  return null;
}

const variableKinds: ReadonlySet<Fee["kind"]> = new Set(["schedule", "byReference", "formula", "surcharge"]);

export function feeSummary(fees: Fee[] | null): LicenseTypeSummary["fee"] {
  if (fees === null) return null;
  const fixed = fees.filter((f) => f.kind === "fixed" && f.amountTHB !== undefined);
  const caps = fees.filter((f) => f.kind === "cap" && f.maxTHB !== undefined).map((f) => f.maxTHB!);
  return {
    kinds: [...new Set(fees.map((f) => f.kind))],
    fixedTHB: fixed.length > 0 ? fixed.reduce((sum, f) => sum + f.amountTHB!, 0) : null,
    capTHB: caps.length > 0 ? Math.max(...caps) : null,
    variable: fees.some((f) => variableKinds.has(f.kind)),
  };
}

/** The catalog's consistency test holds every entry to a known agency. */
export function agencyOf(entry: LicenseType): Agency {
  const agency = findAgency(entry.agencyId);
  if (!agency) throw new Error(`License type ${entry.id} names unknown agency ${entry.agencyId}`);
  return agency;
}
