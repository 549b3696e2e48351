import * as z from "zod";

export const isoInstantSchema = z.iso.datetime({ offset: true });
export const sha256Schema = z.string().regex(/^[a-f0-9]{64}$/, "must be a lowercase hex SHA-256 digest");
export const applicationIdSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, "must be a ULID");
export const documentKeySchema = z.string().regex(/^[a-z][a-zA-Z0-9]{0,63}$/);
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2048).optional(),
});
