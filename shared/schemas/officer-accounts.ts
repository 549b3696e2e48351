import * as z from "zod/mini";
import { licenseTypeIdSchema } from "./common";
import { singleLineText } from "./safe-text";

/** The supervisor API (issue 4): officer accounts of the supervisor's own agency. */

/** Cognito `sub`s are UUIDs; the officer's user must exist in the user pool before the account. */
export const officerUserIdSchema = z.guid("must be the user's id (Cognito sub)");
export const officerParams = z.object({ userId: officerUserIdSchema });

const licenseTypeIds = z.array(licenseTypeIdSchema).check(z.maxLength(100));
/** The version last read; when given, a change made meanwhile answers 409 instead of being overwritten. */
const version = z.optional(z.number().check(z.int(), z.positive()));

export const putOfficerAccountSchema = z.strictObject({
  // Only the shape here: the domain checks the digits and the check digit, so a wrong ID answers
  // INVALID_NATIONAL_ID rather than a generic INVALID_REQUEST.
  nationalId: singleLineText(1, 32),
  email: z.email().check(z.maxLength(254)),
  licenseTypeIds,
  supervisor: z._default(z.boolean(), false),
  active: z._default(z.boolean(), true),
  version,
});

export const reassignOfficerSchema = z.strictObject({ licenseTypeIds, version });

export type PutOfficerAccountRequest = z.infer<typeof putOfficerAccountSchema>;
export type ReassignOfficerRequest = z.infer<typeof reassignOfficerSchema>;
