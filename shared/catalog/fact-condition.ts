import type { FactCondition, LicenseType } from "./schema";

/** Whether a catalog rule holds for the facts a form states; a fact not stated never satisfies one. */
export function factHolds(condition: FactCondition, facts: Readonly<Record<string, unknown>>): boolean {
  const value = facts[condition.field];
  if (value === undefined || value === null) return false;
  if ("equals" in condition) return value === condition.equals;
  if ("oneOf" in condition) return typeof value === "string" && condition.oneOf.includes(value);
  return typeof value === "number" && value > condition.greaterThan;
}

/**
 * The documents an application must hold to be submitted: those every applicant needs, and those
 * whose condition holds for what its form states (a company's registration only from a company).
 */
export function documentsRequiredToSubmit(
  licenseType: LicenseType,
  facts: Readonly<Record<string, unknown>>,
): LicenseType["manual"]["documents"] {
  return licenseType.manual.documents.filter(
    (d) => d.requiredToSubmit || (d.requiredWhen !== undefined && factHolds(d.requiredWhen, facts)),
  );
}
