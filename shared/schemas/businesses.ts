import * as z from "zod/mini";
import { licenseTypeIdSchema } from "./common";
import { singleLineText } from "./safe-text";

export const businessIdSchema = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, "must be a ULID"));
export const businessParams = z.object({ id: businessIdSchema });

const operatorSchema = z.strictObject({
  type: z.enum(["naturalPerson", "juristicPerson"]),
  /** National ID or juristic registration number; separators allowed, the check digit is the domain's. */
  idNumber: z.string().check(z.regex(/^[\d -]{13,20}$/, "must be 13 digits (spaces or dashes allowed)")),
  name: singleLineText(1, 200),
});
const phoneSchema = singleLineText(1, 30);
const emailSchema = z
  .string()
  .check(z.maxLength(254), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "must be an email address"));
/** Keys are form field keys of the catalog (checked by the domain against what the forms ask). */
const factKeySchema = z.string().check(z.regex(/^[a-z][a-zA-Z0-9]{0,63}$/, "must be a form field key"));
const factValueSchema = z.union([singleLineText(1, 500), z.number(), z.boolean()]);

export const createBusinessSchema = z.strictObject({
  operator: operatorSchema,
  businessName: singleLineText(1, 200),
  premisesAddress: singleLineText(1, 500),
  contacts: z._default(
    z.strictObject({ phone: z.optional(phoneSchema), email: z.optional(emailSchema) }),
    {},
  ),
  facts: z._default(z.record(factKeySchema, factValueSchema), {}),
});

/** Fields given replace; in `contacts` and `facts` a null removes the entry. */
export const updateBusinessSchema = z.strictObject({
  /** The version read; or the If-Match header. A stale one is 409 CONCURRENT_MODIFICATION. */
  version: z.optional(z.number().check(z.int(), z.positive())),
  operator: z.optional(operatorSchema),
  businessName: z.optional(singleLineText(1, 200)),
  premisesAddress: z.optional(singleLineText(1, 500)),
  contacts: z.optional(
    z.strictObject({
      phone: z.optional(z.nullable(phoneSchema)),
      email: z.optional(z.nullable(emailSchema)),
    }),
  ),
  facts: z.optional(z.record(factKeySchema, z.nullable(factValueSchema))),
});

/** One form for many licenses: the types, and the answers keyed by form field key (each given once). */
export const applyForLicensesSchema = z.strictObject({
  licenseTypeIds: z.array(licenseTypeIdSchema).check(z.minLength(1), z.maxLength(20)),
  answers: z._default(z.record(z.string(), z.unknown()), {}),
});

export type CreateBusinessRequest = z.infer<typeof createBusinessSchema>;
export type UpdateBusinessRequest = z.infer<typeof updateBusinessSchema>;
