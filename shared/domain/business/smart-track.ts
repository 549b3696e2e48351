import type { Application } from "../application/types";
import type { LicenseRecord } from "../license";

/** Who the application waits for now, and what for (Smart Track). */
export interface NextStep {
  by: "applicant" | "agency";
  step: string;
}

export interface TrackedApplication {
  id: string;
  licenseTypeId: string;
  agencyId: string;
  status: Application["status"];
  nextStep: NextStep | null;
  dueAt: string | null;
  /** After approval, until payment is confirmed: the fee to pay. */
  feeDueTHB: number | null;
  licenseNumber: string | null;
}

export interface TrackedLicense {
  number: string;
  licenseTypeId: string;
  agencyId: string;
  issuedAt: string;
  validUntil: string | null;
  cancelled: boolean;
}

/**
 * The next step read from the application itself: the human step it waits at (its `awaiting`), a
 * draft waits for its applicant to submit, a submission not yet taken by its workflow waits for the
 * completeness check. Ended applications wait for nothing.
 */
export function nextStepOf(app: Application): NextStep | null {
  if (app.status === "DRAFT") return { by: "applicant", step: "submit" };
  if (app.awaiting) {
    const applicantSteps = ["applicantFix", "payment", "pickup"];
    // Payment and pickup are the applicant's to do, but an officer records them: both show whose move it is.
    return {
      by: applicantSteps.includes(app.awaiting.step) ? "applicant" : "agency",
      step: app.awaiting.step,
    };
  }
  if (app.status === "SUBMITTED") return { by: "agency", step: "completenessCheck" };
  return null;
}

export function feeDue(app: Application): number | null {
  if (app.decision?.outcome !== "approved" || app.payment) return null;
  return app.assessment?.amountTHB ?? app.decision.feeTHB ?? null;
}

export function trackApplication(app: Application): TrackedApplication {
  return {
    id: app.id,
    licenseTypeId: app.licenseTypeId,
    agencyId: app.agencyId,
    status: app.status,
    nextStep: nextStepOf(app),
    dueAt: app.dueAt ?? null,
    feeDueTHB: feeDue(app),
    licenseNumber: app.licenseNumber ?? null,
  };
}

export function trackLicense(license: LicenseRecord): TrackedLicense {
  return {
    number: license.number,
    licenseTypeId: license.licenseTypeId,
    agencyId: license.agencyId,
    issuedAt: license.issuedAt,
    validUntil: license.validUntil,
    cancelled: license.cancelledAt !== undefined,
  };
}
