import * as z from "zod/mini";
import "./zod-locale";

export const isoInstantSchema = z.iso.datetime({ offset: true });
export const sha256Schema = z
  .string()
  .check(z.regex(/^[a-f0-9]{64}$/, "must be a lowercase hex SHA-256 digest"));
export const applicationIdSchema = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, "must be a ULID"));
/** An upload link's id (a ULID), as the presign answer gives it. */
export const uploadIdSchema = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, "must be a ULID"));
/** A catalog id as the catalog spells them (shared/catalog/schema.ts); looked up, never printed raw. */
export const licenseTypeIdSchema = z
  .string()
  .check(
    z.maxLength(100),
    z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a license type id (lowercase letters, digits, hyphens)"),
  );
export const documentKeySchema = z.string().check(z.regex(/^[a-z][a-zA-Z0-9]{0,63}$/));
export const pageQuerySchema = z.strictObject({
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
});
