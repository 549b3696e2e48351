import * as z from "zod/mini";
import { agencies } from "../catalog/agencies";
import {
  catalogCategorySchema,
  factConditionSchema,
  feeSchema,
  licenseTypeSchema,
  manualDurationSchema,
  stepTypeSchema,
  workflowFamilySchema,
} from "../catalog/schema";
import { parseSearchQuery } from "../catalog/search";
import "./zod-locale";

/**
 * `GET /catalog/license-types` and `GET /catalog/license-types/{id}` (issue 15 §4): what a generic
 * client needs to list, find and apply for any license type without reading our code.
 */

const caseTypeSchema = licenseTypeSchema.shape.caseType;
const agencyIds = agencies.map((a) => a.id) as [string, ...string[]];

export const catalogListQuerySchema = z.strictObject({
  authority: z.optional(z.enum(agencyIds).check(z.describe("Only the types of this agency (its id)"))),
  category: z.optional(catalogCategorySchema.check(z.describe("Only the types of this subject area"))),
  caseType: z.optional(
    caseTypeSchema.check(z.describe("Only new licenses, renewals, amendments or cancellations")),
  ),
  family: z.optional(workflowFamilySchema.check(z.describe("Only the types of this workflow family"))),
  q: z.optional(
    z.string().check(
      z.maxLength(100),
      z.refine((q) => parseSearchQuery(q) !== null, "must contain a letter or digit to search for"),
      z.describe(
        "Text search: Thai terms match the Thai name or manual title regardless of spacing; English terms match the start of words of the English name, in any case. Every term must match.",
      ),
    ),
  ),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20),
  cursor: z.optional(
    z
      .string()
      .check(
        z.maxLength(512),
        z.describe(
          "The previous page's nextCursor, opaque; with other filters or q, or altered, it is refused (400 INVALID_CURSOR)",
        ),
      ),
  ),
});
export type CatalogListQuery = z.infer<typeof catalogListQuerySchema>;

export const agencyRefSchema = z.object({ id: z.string(), nameTh: z.string(), nameEn: z.string() });

export const timeLimitSchema = z.nullable(
  z.extend(manualDurationSchema, {
    basis: z
      .enum(["law", "manualTotal"])
      .check(
        z.describe("law: the time limit the law sets for the decision; manualTotal: the manual's total"),
      ),
  }),
);

export const feeSummarySchema = z
  .nullable(
    z.object({
      kinds: z.array(feeSchema.shape.kind).check(z.describe("Kinds of the fee rules, each once, in order")),
      fixedTHB: z.nullable(z.number()).check(z.describe("Sum of the fixed fees; null when there is none")),
      capTHB: z.nullable(z.number()).check(z.describe("Highest capped fee; null when there is none")),
      variable: z
        .boolean()
        .check(z.describe("Some fee depends on a schedule, a regulation, a formula or a surcharge")),
    }),
  )
  .check(z.describe("null: the manual has no fee section (unknown, not free)"));

export const licenseTypeSummarySchema = z.object({
  id: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  agency: agencyRefSchema,
  family: workflowFamilySchema,
  category: catalogCategorySchema,
  caseType: caseTypeSchema,
  timeLimit: timeLimitSchema,
  fee: feeSummarySchema,
});

export const licenseTypePageSchema = z.object({
  items: z.array(licenseTypeSummarySchema).check(z.describe("In id order")),
  nextCursor: z
    .nullable(z.string())
    .check(z.describe("Pass as `cursor` (with the same filters and q) for the next page; null on the last")),
  total: z.number().check(z.describe("How many types match the filters and q, on all pages")),
});

const durationSchema = z.nullable(manualDurationSchema);

export const catalogDocumentSchema = z.object({
  key: z.string().check(z.describe("The documentKey of uploads and fix requests")),
  seq: z.nullable(z.number()),
  nameTh: z.string(),
  nameEn: z.nullable(z.string()),
  category: z.nullable(z.enum(["identity", "additional"])),
  originals: z.nullable(z.number()),
  copies: z.nullable(z.number()),
  countUnit: z.nullable(z.string()),
  condition: z.nullable(z.string()).check(z.describe("The manual's condition, as written")),
  requiredToSubmit: z.boolean().check(z.describe("Needed by every applicant")),
  requiredWhen: z
    .nullable(factConditionSchema)
    .check(z.describe("Also needed when this holds for the form's data (same rule as the form's if/then)")),
});

export const catalogStepSchema = z.object({
  seq: z.number(),
  stepType: stepTypeSchema,
  description: z.string(),
  responsibleUnit: z.nullable(z.string()),
  duration: durationSchema,
  notes: z.array(z.string()),
});

export const catalogFeeSchema = z.object({
  kind: feeSchema.shape.kind,
  amountTHB: z.nullable(z.number()),
  maxTHB: z.nullable(z.number()),
  percent: z.nullable(z.number()),
  per: z.nullable(z.string()),
  raw: z.string(),
});

export const licenseTypeDetailSchema = z.object({
  id: z.string(),
  code: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  agency: z.extend(agencyRefSchema, { address: z.string() }),
  family: workflowFamilySchema,
  category: catalogCategorySchema,
  caseType: caseTypeSchema,
  appliesTo: z
    .nullable(z.string())
    .check(z.describe("The license type a renewal, amendment or cancellation acts on")),
  validityMonths: z.nullable(z.number()),
  workflow: z.object({
    inspection: z.boolean(),
    committee: z.boolean(),
    payment: z.boolean(),
    pickup: z.boolean(),
    assessment: z.boolean(),
  }),
  formSchema: z
    .record(z.string(), z.unknown())
    .check(
      z.describe(
        "The application form (formData) as JSON Schema 2020-12: title is the Thai label, x-labelEn the English one; enum options are oneOf const/title/x-labelEn; fields required when a fact holds are allOf if/then",
      ),
    ),
  documents: z.array(catalogDocumentSchema),
  steps: z.array(catalogStepSchema),
  totalDuration: durationSchema,
  legalTimeLimit: durationSchema,
  fees: z.nullable(z.array(catalogFeeSchema)).check(z.describe("null: the manual has no fee section")),
  criteria: z.array(z.string()),
  criteriaNotes: z.array(z.string()),
  legalBasis: z.array(z.string()),
  serviceChannels: z.array(z.object({ place: z.string(), hours: z.nullable(z.string()) })),
  complaintChannels: z.array(z.object({ seq: z.number(), text: z.string() })),
  manual: z.object({
    title: z.string(),
    authority: z.string(),
    version: z.string(),
    sourceFile: z.string(),
    sourceLines: z.tuple([z.number(), z.number()]),
  }),
});

export type LicenseTypeSummary = z.infer<typeof licenseTypeSummarySchema>;
export type LicenseTypePage = z.infer<typeof licenseTypePageSchema>;
export type LicenseTypeDetail = z.infer<typeof licenseTypeDetailSchema>;
