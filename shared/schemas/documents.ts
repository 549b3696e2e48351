import * as z from "zod/mini";
import { factConditionSchema } from "../catalog/schema";
import { applicationStatuses } from "../domain/application/status";
import "./zod-locale";

/** `GET /documents`: the applicant's own documents, a page at a time. */
export const heldDocumentsQuerySchema = z.strictObject({
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
  cursor: z.optional(
    z.string().check(z.maxLength(128), z.describe("The previous page's nextCursor, opaque")),
  ),
});

const documentUseSchema = z.object({
  applicationId: z.string(),
  licenseTypeId: z.string(),
  documentKey: z.string(),
});

export const heldDocumentSchema = z.object({
  id: z.string().check(z.describe("Stable: what PUT …/documents/{key} takes as documentId")),
  kind: z.nullable(
    z.object({
      documentKey: z.string(),
      licenseTypeId: z.optional(z.string()),
      name: z.nullable(z.string()),
      nameEn: z.nullable(z.string()),
    }),
  ),
  fileName: z.string(),
  sha256: z.string(),
  size: z.number(),
  contentType: z.string(),
  uploadedAt: z.string(),
  issuedOn: z.optional(z.string()),
  validUntil: z.nullable(
    z.string().check(z.describe("When the document stops being accepted; null when it does not expire")),
  ),
  usedBy: z.array(documentUseSchema),
});

export const heldDocumentPageSchema = z.object({
  items: z.array(heldDocumentSchema),
  nextCursor: z.nullable(z.string()),
});

export const checklistItemSchema = z.object({
  key: z.string(),
  name: z.string(),
  nameEn: z.nullable(z.string()),
  condition: z.optional(z.string().check(z.describe("The manual's words for when it is needed"))),
  requiredWhen: z.optional(factConditionSchema),
  requirement: z.enum(["required", "notRequired", "conditional"]),
  state: z.enum(["attached", "missing", "requestedAgain"]),
  attached: z.optional(
    z.object({
      documentId: z.string(),
      fileName: z.string(),
      sha256: z.string(),
      size: z.number(),
      contentType: z.string(),
      attachedAt: z.string(),
    }),
  ),
  fixRequest: z.optional(z.object({ reason: z.string(), deadline: z.string(), requestedAt: z.string() })),
});

export const documentChecklistSchema = z.object({
  applicationId: z.string(),
  licenseTypeId: z.string(),
  status: z.enum(applicationStatuses),
  items: z.array(checklistItemSchema),
});
