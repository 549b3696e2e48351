import * as z from "zod/mini";
import { documentKeySchema, sha256Schema, trimmedString, uploadIdSchema } from "./common";

export const createApplicationSchema = z.object({
  licenseTypeId: z.string().check(z.minLength(1), z.maxLength(100)),
  /** Checked against the license type's form (draft rules: fields may be missing). */
  formData: z._default(z.record(z.string(), z.unknown()), {}),
});
export const updateApplicationSchema = z.object({ formData: z.record(z.string(), z.unknown()) });

/** Upload limits: what an agency accepts as a scanned document. */
export const acceptedDocumentTypes = ["application/pdf", "image/jpeg", "image/png"] as const;
export const maxDocumentBytes = 10 * 1024 * 1024;

export const presignDocumentSchema = z.object({
  documentKey: documentKeySchema,
  fileName: trimmedString(1, 255),
  contentType: z.enum(acceptedDocumentTypes),
  size: z.number().check(z.int(), z.positive(), z.lte(maxDocumentBytes)),
  sha256: sha256Schema,
});
export const attachDocumentSchema = z.object({
  sha256: sha256Schema,
  fileName: trimmedString(1, 255),
  /** The presign answer's `uploadId`; without it the newest upload declared with this digest is used. */
  uploadId: z.optional(uploadIdSchema),
});

export const withdrawSchema = z.object({ reason: z.optional(trimmedString(1, 2000)) });

export const submitFixSchema = z.object({ comment: z.optional(trimmedString(1, 2000)) });

export type CreateApplicationRequest = z.infer<typeof createApplicationSchema>;
export type PresignDocumentRequest = z.infer<typeof presignDocumentSchema>;
