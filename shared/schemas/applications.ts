import * as z from "zod/mini";
import { acceptedDocumentTypes, maxDocumentBytes } from "../domain/document-limits";
import { documentKeySchema, licenseTypeIdSchema, sha256Schema, uploadIdSchema } from "./common";
import { fileNameText, multiLineText } from "./safe-text";

export const createApplicationSchema = z.strictObject({
  licenseTypeId: licenseTypeIdSchema,
  /** Checked against the license type's form (draft rules: fields may be missing). */
  formData: z._default(z.record(z.string(), z.unknown()), {}),
});
export const updateApplicationSchema = z.strictObject({ formData: z.record(z.string(), z.unknown()) });

export const presignDocumentSchema = z.strictObject({
  documentKey: documentKeySchema,
  fileName: fileNameText(255),
  contentType: z.enum(acceptedDocumentTypes),
  size: z.number().check(z.int(), z.positive(), z.lte(maxDocumentBytes)),
  sha256: sha256Schema,
});
export const attachDocumentSchema = z.strictObject({
  sha256: sha256Schema,
  fileName: fileNameText(255),
  /** The presign answer's `uploadId`; without it the newest upload declared with this digest is used. */
  uploadId: z.optional(uploadIdSchema),
});

export const withdrawSchema = z.strictObject({ reason: z.optional(multiLineText(1, 2000)) });

export const submitFixSchema = z.strictObject({ comment: z.optional(multiLineText(1, 2000)) });

export type CreateApplicationRequest = z.infer<typeof createApplicationSchema>;
export type PresignDocumentRequest = z.infer<typeof presignDocumentSchema>;
