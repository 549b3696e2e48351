import * as z from "zod/mini";
import "./zod-locale";

export const isoInstantSchema = z.iso.datetime({ offset: true });
export const sha256Schema = z
  .string()
  .check(z.regex(/^[a-f0-9]{64}$/, "must be a lowercase hex SHA-256 digest"));
export const applicationIdSchema = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, "must be a ULID"));
/** An upload link's id (a ULID), as the presign answer gives it. */
export const uploadIdSchema = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, "must be a ULID"));
export const documentKeySchema = z.string().check(z.regex(/^[a-z][a-zA-Z0-9]{0,63}$/));
export const pageQuerySchema = z.object({
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
});

/** A string trimmed first, then checked to be min to max characters long. */
export const trimmedString = (min: number, max: number) =>
  z.string().check(z.trim(), z.minLength(min), z.maxLength(max));
