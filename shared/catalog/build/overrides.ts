import * as z from "zod/mini";
import {
  catalogCategorySchema,
  factConditionSchema,
  formFieldSchema,
  licenseTypeSchema,
  workflowFamilySchema,
} from "../schema";

/**
 * The reviewed overrides: what a person who read the manual decided where the importer cannot
 * (an English name, a stable id applications already use, which of two printings of a process is
 * the one in force) or where the manual itself is wrong. Each says why, and which manual line it
 * corrects or rests on, so the next reviewer can check it against the manual.
 */
const why = {
  reason: z.string().check(z.minLength(8)),
  /** The line of the manual the override corrects or rests on. */
  src: z.number().check(z.int(), z.positive()),
};

const documentOverrideSchema = z.strictObject({
  /** The document's number in the manual's list (its `seq`), or its line when it has none. */
  seq: z.optional(z.number().check(z.int(), z.positive())),
  line: z.optional(z.number().check(z.int(), z.positive())),
  key: z.optional(z.string().check(z.regex(/^[a-z][a-zA-Z0-9]*$/))),
  nameEn: z.optional(z.string().check(z.minLength(1))),
  requiredToSubmit: z.optional(z.boolean()),
  requiredWhen: z.optional(z.nullable(factConditionSchema)),
  ...why,
});

const patchSchema = z.strictObject({
  /** A JSON pointer into the catalog entry, e.g. "/manual/steps/2/stepType". */
  path: z.string().check(z.regex(/^(\/[^/]+)+$/)),
  value: z.unknown(),
  ...why,
});

/** The catalog's own decisions about an entry (everything but the manual's text). */
const entryFieldsSchema = {
  id: z.optional(licenseTypeSchema.shape.id),
  code: z.optional(licenseTypeSchema.shape.code),
  nameEn: z.optional(z.string().check(z.minLength(1))),
  caseType: z.optional(licenseTypeSchema.shape.caseType),
  appliesTo: z.optional(z.string()),
  family: z.optional(workflowFamilySchema),
  category: z.optional(catalogCategorySchema),
  workflow: z.optional(z.partial(licenseTypeSchema.shape.workflow)),
  validityMonths: z.optional(z.nullable(z.number().check(z.int(), z.positive()))),
  form: z.optional(z.array(formFieldSchema)),
  /** Of a process whose lists are per case (003): the documents of this case only. */
  caseLabel: z.optional(z.string()),
  documents: z.optional(z.array(documentOverrideSchema)),
  patches: z.optional(z.array(patchSchema)),
};

const entryOverrideSchema = z.strictObject({
  /** The imported process: `<authority>-<hash of its title>` as the importer names it. */
  process: z.string(),
  ...why,
  /** A process printed twice: this printing is not imported (the reason says which one is kept). */
  drop: z.optional(z.literal(true)),
  /** One process that is several license types (003's new, renewal and closure cases). */
  split: z.optional(z.array(z.strictObject({ ...entryFieldsSchema, ...why }))),
  ...entryFieldsSchema,
});

export const overridesSchema = z.strictObject({
  entries: z.array(entryOverrideSchema),
});

export type Overrides = z.infer<typeof overridesSchema>;
export type EntryOverride = z.infer<typeof entryOverrideSchema>;
export type EntryFields = Omit<EntryOverride, "process" | "drop" | "split" | "reason" | "src">;
export type DocumentOverride = z.infer<typeof documentOverrideSchema>;
