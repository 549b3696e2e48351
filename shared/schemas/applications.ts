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
/**
 * Either `{ documentId }` (a document the applicant already holds, from `GET /documents`; no upload)
 * or `{ sha256, fileName, uploadId?, issuedOn? }` (the upload just made, or the document held with
 * that digest). One object rather than a union, so an unknown field is still named as such.
 */
export const attachDocumentSchema = z
  .strictObject({
    documentId: z.optional(sha256Schema),
    sha256: z.optional(sha256Schema),
    fileName: z.optional(fileNameText(255)),
    /** The presign answer's `uploadId`; without it the newest upload declared with this digest is used. */
    uploadId: z.optional(uploadIdSchema),
    /** The date the document was issued (YYYY-MM-DD): a document that expires counts from it. */
    issuedOn: z.optional(z.iso.date()),
  })
  .check(
    z.refine(
      (body) =>
        body.documentId !== undefined
          ? body.sha256 === undefined &&
            body.fileName === undefined &&
            body.uploadId === undefined &&
            body.issuedOn === undefined
          : body.sha256 !== undefined && body.fileName !== undefined,
      { message: "give either documentId alone, or sha256 and fileName (uploadId, issuedOn optional)" },
    ),
  );

/** The two shapes attach takes, as the OpenAPI document describes them (the schema above validates). */
export const attachDocumentShapes = z.union([
  z.strictObject({
    documentId: sha256Schema.check(z.describe("A document the applicant holds: its id from GET /documents")),
  }),
  z.strictObject({
    sha256: sha256Schema,
    fileName: fileNameText(255),
    uploadId: z.optional(uploadIdSchema),
    issuedOn: z.optional(z.iso.date()),
  }),
]);

export const withdrawSchema = z.strictObject({ reason: z.optional(multiLineText(1, 2000)) });

export const submitFixSchema = z.strictObject({ comment: z.optional(multiLineText(1, 2000)) });

export type CreateApplicationRequest = z.infer<typeof createApplicationSchema>;
export type PresignDocumentRequest = z.infer<typeof presignDocumentSchema>;
