import * as z from "zod/mini";
import "../schemas/zod-locale";

const positiveInt = () => z.number().check(z.int(), z.positive());
const nonnegativeInt = () => z.number().check(z.int(), z.nonnegative());
const nonnegative = () => z.number().check(z.nonnegative());
const nonEmpty = () => z.string().check(z.minLength(1));

/**
 * The catalog schema. It follows the citizen-manual template (docs: MANUALS.md §6) closely enough
 * to hold every process of the manuals: raw text is kept beside each parsed value, and a missing
 * section is `null` (unknown), never zero.
 */

export const durationUnitSchema = z.enum(["minute", "hour", "day", "workingDay", "immediate"]);

export const manualDurationSchema = z.object({
  raw: z.string(),
  min: z.nullable(nonnegative()),
  max: z.nullable(nonnegative()),
  unit: z.nullable(durationUnitSchema),
  qualifier: z.optional(z.enum(["within", "notMoreThan"])),
});

/** What the system does at a manual step: which human step of the workflow it maps to. */
export const stepTypeSchema = z.enum([
  "documentCheck",
  "consideration",
  "signingOrCommittee",
  "orderNotice",
  "feePayment",
  "other",
]);

export const manualStepSchema = z.object({
  seq: positiveInt(),
  stepType: stepTypeSchema,
  stepTypeRaw: z.nullable(z.string()),
  description: nonEmpty(),
  responsibleUnit: z.optional(z.string()),
  duration: z.nullable(manualDurationSchema),
  notes: z.optional(z.array(z.string())),
  src: positiveInt(),
});

const factKey = () => z.string().check(z.regex(/^[a-z][a-zA-Z0-9]*$/));

/**
 * A rule over the facts an application's form states: a document or a field needed only for a
 * juristic person, only over some floor area, only when the business has a sign. The manuals write
 * these as "(กรณีนิติบุคคล)" beside a document; the catalog keeps them as data a client can show.
 */
export const factConditionSchema = z.union([
  z.strictObject({ field: factKey(), equals: z.union([z.string(), z.number(), z.boolean()]) }),
  z.strictObject({ field: factKey(), oneOf: z.array(z.string()).check(z.minLength(1)) }),
  z.strictObject({ field: factKey(), greaterThan: z.number() }),
]);

export const requiredDocumentSchema = z.object({
  /** Stable key used by the API (an application's documents map, fix-request items). */
  key: z.string().check(z.regex(/^[a-z][a-zA-Z0-9]*$/)),
  seq: z.nullable(positiveInt()),
  name: nonEmpty(),
  /** null until a reviewer who reads Thai has given one (the importer never translates). */
  nameEn: z.nullable(nonEmpty()),
  category: z.nullable(z.enum(["identity", "additional"])),
  originals: z.nullable(nonnegativeInt()),
  copies: z.nullable(nonnegativeInt()),
  countUnit: z.nullable(z.enum(["ฉบับ", "ชุด"])),
  /** A document needed only in some cases (e.g. a power of attorney) is not required to submit. */
  condition: z.optional(z.string()),
  requiredToSubmit: z.boolean(),
  /** Required to submit when this holds for the form's facts (the manual's condition as a rule). */
  requiredWhen: z.optional(factConditionSchema),
  /** 003's per-case lists ("กรณีขอต่ออายุใบอนุญาต"); a sub-heading the document is listed under. */
  caseLabel: z.optional(z.string()),
  group: z.optional(z.string()),
  notes: z.optional(z.array(z.string())),
  raw: z.string(),
  src: positiveInt(),
});

export const feeSchema = z.object({
  kind: z.enum(["fixed", "cap", "schedule", "byReference", "formula", "surcharge"]),
  amountTHB: z.optional(nonnegative()),
  maxTHB: z.optional(nonnegative()),
  percent: z.optional(nonnegative()),
  per: z.optional(z.string()),
  raw: z.string(),
  src: positiveInt(),
});

export const formFieldSchema = z.discriminatedUnion("type", [
  z.object({
    key: z.string(),
    type: z.literal("text"),
    labelTh: z.string(),
    labelEn: z.string(),
    required: z.boolean(),
    /** Required when this holds, though `required` is false (e.g. the company's registration number). */
    requiredWhen: z.optional(factConditionSchema),
    maxLength: positiveInt(),
  }),
  z.object({
    key: z.string(),
    type: z.enum(["number", "integer"]),
    labelTh: z.string(),
    labelEn: z.string(),
    required: z.boolean(),
    /** Required when this holds, though `required` is false (e.g. the company's registration number). */
    requiredWhen: z.optional(factConditionSchema),
    /** Exclusive lower bound, as the manuals write scopes ("พื้นที่เกิน 200 ตารางเมตร"). */
    exclusiveMinimum: z.optional(z.number()),
    minimum: z.optional(z.number()),
    maximum: z.optional(z.number()),
  }),
  z.object({
    key: z.string(),
    type: z.literal("boolean"),
    labelTh: z.string(),
    labelEn: z.string(),
    required: z.boolean(),
    requiredWhen: z.optional(factConditionSchema),
  }),
  z.object({
    key: z.string(),
    type: z.literal("enum"),
    labelTh: z.string(),
    labelEn: z.string(),
    required: z.boolean(),
    /** Required when this holds, though `required` is false (e.g. the company's registration number). */
    requiredWhen: z.optional(factConditionSchema),
    options: z
      .array(z.object({ value: z.string(), labelTh: z.string(), labelEn: z.string() }))
      .check(z.minLength(1)),
  }),
]);

export const citizenManualSchema = z.object({
  sourceFile: z.string(),
  sourceLines: z.tuple([positiveInt(), positiveInt()]),
  /** Manual version an application is filed under (DOMAIN.md §3, s.7: manuals change). */
  version: z.string(),
  authority: z.string(),
  title: z.string(),
  /** How the manual was laid out, and the title its table of contents gives (where one matched). */
  layout: z.optional(z.enum(["templateTable", "flowchart"])),
  titleInIndex: z.optional(z.string()),
  serviceChannels: z.array(z.object({ place: z.string(), hours: z.nullable(z.string()) })),
  criteria: z.array(z.string()),
  criteriaNotes: z.array(z.string()),
  steps: z.array(manualStepSchema).check(z.minLength(1)),
  /** The stated total binds; it often differs from the sum of the steps. */
  totalDuration: z.nullable(manualDurationSchema),
  /** A time limit set by law for the decision, where the manual quotes one. */
  legalTimeLimit: z.optional(manualDurationSchema),
  legalBasis: z.array(z.string()),
  documents: z.array(requiredDocumentSchema),
  /** null: the manual has no fee section (unknown, not free). */
  fees: z.nullable(z.array(feeSchema)),
  complaintChannels: z.array(z.object({ seq: positiveInt(), text: z.string() })),
  /** Sections outside the template (penalties, appeals, surcharges …), kept for readers. */
  extraInfo: z.optional(z.array(z.object({ heading: z.string(), text: z.string() }))),
  warnings: z.array(z.object({ code: z.string(), src: positiveInt(), detail: z.string() })),
});

/**
 * Workflow families (issue 15): what kind of service a process is, which decides its workflow's
 * shape and what it ends with. A notification ends with a receipt (ใบรับแจ้ง); a license is
 * considered (after an inspection or a committee where the manual has one) and issued; a tax is
 * assessed and paid; a counter registration is done in minutes; a request or complaint is answered;
 * a license change renews, amends or cancels a license already issued.
 */
export const workflowFamilySchema = z.enum([
  "notification",
  "license",
  "licenseWithInspection",
  "licenseWithCommittee",
  "taxAssessment",
  "counterRegistration",
  "requestService",
  "licenseChange",
]);

/** Subject areas, for the catalog's filters (processes-003-004's categories, with taxes apart). */
export const catalogCategorySchema = z.enum([
  "health-hygiene",
  "building",
  "commerce-registration",
  "business-license",
  "land-earthwork",
  "utilities",
  "welfare",
  "tax",
  "other",
]);

export const licenseTypeSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
  /** Short code printed in license numbers. */
  code: z.string().check(z.regex(/^[A-Z0-9]{2,8}$/)),
  nameTh: z.string(),
  nameEn: z.string(),
  agencyId: z.string(),
  caseType: z.enum(["new", "renew", "amend", "cancel"]),
  family: workflowFamilySchema,
  category: catalogCategorySchema,
  /**
   * For renew, amend and cancel: the license type whose issued licenses this case acts on (the
   * form then names the license number). A new license has none.
   */
  appliesTo: z.optional(z.string()),
  /** Workflow variant flags (DESIGN.md §4, 001's per-license variants). */
  workflow: z.object({
    inspection: z.boolean(),
    committee: z.boolean(),
    payment: z.boolean(),
    pickup: z.boolean(),
    /**
     * 001, signboard tax: the officer "approves" with fee 0, then issues an assessment (ภ.ป.3) that
     * states the amount, and the applicant pays it by bill payment.
     */
    assessment: z._default(z.boolean(), false),
    /**
     * s.8: how far ahead an officer may set a fix deadline, in calendar days, where the agency's rules
     * set a limit; otherwise the system's (shared/domain/application/fix-deadline.ts).
     */
    fixDeadlineMaxDays: z.optional(positiveInt()),
  }),
  /** Validity of an issued license in months, where the law states one. */
  validityMonths: z.nullable(positiveInt()),
  form: z.array(formFieldSchema),
  manual: citizenManualSchema,
});

export const agencySchema = z.object({
  id: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  kind: z.enum(["sao", "townMunicipality", "cityMunicipality", "bma", "department", "opdc"]),
  /** Code printed in license numbers. */
  code: z.string().check(z.regex(/^[A-Z]{2,6}$/)),
  address: z.string(),
});

export type ManualDurationData = z.infer<typeof manualDurationSchema>;
export type LicenseType = z.infer<typeof licenseTypeSchema>;
export type RequiredDocument = z.infer<typeof requiredDocumentSchema>;
export type FormField = z.infer<typeof formFieldSchema>;
export type Fee = z.infer<typeof feeSchema>;
export type Agency = z.infer<typeof agencySchema>;
export type FactCondition = z.infer<typeof factConditionSchema>;
export type WorkflowFamily = z.infer<typeof workflowFamilySchema>;
export type CatalogCategory = z.infer<typeof catalogCategorySchema>;
export type ManualStep = z.infer<typeof manualStepSchema>;
