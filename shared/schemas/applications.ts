import * as z from "zod";
import { documentKeySchema, sha256Schema } from "./common";

export const createApplicationSchema = z.object({
  licenseTypeId: z.string().min(1).max(100),
  /** Checked against the license type's form (draft rules: fields may be missing). */
  formData: z.record(z.string(), z.unknown()).default({}),
});
export const updateApplicationSchema = z.object({ formData: z.record(z.string(), z.unknown()) });

/** Upload limits: what an agency accepts as a scanned document. */
export const acceptedDocumentTypes = ["application/pdf", "image/jpeg", "image/png"] as const;
export const maxDocumentBytes = 10 * 1024 * 1024;

export const presignDocumentSchema = z.object({
  documentKey: documentKeySchema,
  fileName: z.string().trim().min(1).max(255),
  contentType: z.enum(acceptedDocumentTypes),
  size: z.number().int().positive().max(maxDocumentBytes),
  sha256: sha256Schema,
});
export const attachDocumentSchema = z.object({
  sha256: sha256Schema,
  fileName: z.string().trim().min(1).max(255),
});

export const withdrawSchema = z.object({ reason: z.string().trim().min(1).max(2000).optional() });

export const submitFixSchema = z.object({ comment: z.string().trim().min(1).max(2000).optional() });

export type CreateApplicationRequest = z.infer<typeof createApplicationSchema>;
export type PresignDocumentRequest = z.infer<typeof presignDocumentSchema>;
