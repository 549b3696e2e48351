import * as z from "zod/mini";
import "./zod-locale";

/** `GET /notifications`: the caller's own notices, newest first, a page at a time. */
export const inboxQuerySchema = z.strictObject({
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
  cursor: z.optional(
    z.string().check(z.maxLength(512), z.describe("The previous page's nextCursor, opaque")),
  ),
});

/** A notice id as the notices make them: `<application>:<round>:<kind>` and the like. */
export const noticeIdSchema = z
  .string()
  .check(
    z.maxLength(200),
    z.regex(/^[A-Za-z0-9][A-Za-z0-9:._-]*$/, "must be a notice id (letters, digits, colons, dots, hyphens)"),
  );

export const noticeParamsSchema = z.object({ id: noticeIdSchema });

export const inboxItemSchema = z.object({
  id: z.string().check(z.describe("The notice's stable id: what POST /notifications/{id}/read takes")),
  kind: z.string(),
  applicationId: z.string(),
  textTh: z.string(),
  textEn: z.string(),
  at: z.string(),
  read: z.boolean(),
  readAt: z.nullable(z.string()),
  copy: z.boolean().check(z.describe("A copy for oversight (OPDC, the agency's supervisor)")),
});

export const inboxPageSchema = z.object({
  items: z.array(inboxItemSchema),
  nextCursor: z.nullable(z.string()),
});
