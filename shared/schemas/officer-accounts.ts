import * as z from "zod";

/** The supervisor API (issue 4): officer accounts of the supervisor's own agency. */

/** Cognito `sub`s are UUIDs; the officer's user must exist in the user pool before the account. */
export const officerUserIdSchema = z.guid("must be the user's id (Cognito sub)");
export const officerParams = z.object({ userId: officerUserIdSchema });

const licenseTypeIds = z.array(z.string().trim().min(1).max(100)).max(100);
/** The version last read; when given, a change made meanwhile answers 409 instead of being overwritten. */
const version = z.number().int().positive().optional();

export const putOfficerAccountSchema = z.object({
  // Only the shape here: the domain checks the digits and the check digit, so a wrong ID answers
  // INVALID_NATIONAL_ID rather than a generic INVALID_REQUEST.
  nationalId: z.string().trim().min(1).max(32),
  email: z.email().max(254),
  licenseTypeIds,
  supervisor: z.boolean().default(false),
  active: z.boolean().default(true),
  version,
});

export const reassignOfficerSchema = z.object({ licenseTypeIds, version });

export type PutOfficerAccountRequest = z.infer<typeof putOfficerAccountSchema>;
export type ReassignOfficerRequest = z.infer<typeof reassignOfficerSchema>;
