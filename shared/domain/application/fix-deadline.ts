import type { LicenseType } from "../../catalog/schema";
import { problems } from "../errors";

/**
 * s.8 of the Licensing Facilitation Act: an incomplete application is not refused outright; the
 * officer lists what is missing and gives the applicant a deadline to supply it. The deadline has to
 * be real: a date months away holds the application open and defeats the section's purpose (and a
 * Standard workflow lives a year at most). Officers set a week or two; the system allows up to 90
 * calendar days unless the license type sets its own limit.
 */
export const defaultFixDeadlineMaxDays = 90;
const dayMs = 86_400_000;

export function fixDeadlineMaxDays(licenseType: LicenseType): number {
  return licenseType.workflow.fixDeadlineMaxDays ?? defaultFixDeadlineMaxDays;
}

/** The latest deadline an officer may set now. */
export function latestFixDeadline(licenseType: LicenseType, now: Date): Date {
  return new Date(now.getTime() + fixDeadlineMaxDays(licenseType) * dayMs);
}

/** The deadline in UTC (so due times sort as strings), once it is in the future and within the limit. */
export function checkFixDeadline(deadline: string, licenseType: LicenseType, now: Date): string {
  const at = new Date(deadline);
  if (at.getTime() <= now.getTime()) throw problems.invalidRequest("The fix deadline must be in the future");
  const latest = latestFixDeadline(licenseType, now);
  if (at.getTime() > latest.getTime())
    throw problems.fixDeadlineTooFar(fixDeadlineMaxDays(licenseType), latest.toISOString());
  return at.toISOString();
}
