/** Who runs the business: a person (national ID) or a juristic person (its registration number). */
export interface BusinessOperator {
  type: "naturalPerson" | "juristicPerson";
  /** 13 digits, check digit verified (operator-id.ts). */
  idNumber: string;
  name: string;
}

/** A fact a form asks (floor area, kind of activity, has a sign …), keyed by the form field's key. */
export type FactValue = string | number | boolean;

/**
 * One business of an applicant: entered once, it prefills every license form it applies for
 * (issue 16). Versioned like an application: every change is written on the condition that the
 * stored version is the one read.
 */
export interface Business {
  id: string;
  ownerId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  operator: BusinessOperator;
  businessName: string;
  premisesAddress: string;
  contacts: { phone?: string; email?: string };
  facts: Record<string, FactValue>;
}

/** What the applicant enters; the rest (id, owner, version, times) is the system's. */
export type BusinessProfile = Pick<
  Business,
  "operator" | "businessName" | "premisesAddress" | "contacts" | "facts"
>;
