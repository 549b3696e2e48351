import * as z from "zod/mini";

/**
 * The finder's data (questions, business types, rules, national licences): JSON files beside this
 * module, validated when first read, so a typo in a rule fails at start-up, not in an answer.
 */

const id = () => z.string().check(z.regex(/^[a-z][a-zA-Z0-9-]*$/));
const text = () => z.string().check(z.minLength(1));
const answerValue = z.union([z.string(), z.number(), z.boolean()]);

/** One condition on a fact (an answer, or what the activity implies); a fact not known never holds. */
export const finderConditionSchema = z.union([
  z.strictObject({ field: id(), equals: answerValue }),
  z.strictObject({ field: id(), oneOf: z.array(z.string()).check(z.minLength(1)) }),
  z.strictObject({ field: id(), greaterThan: z.number() }),
  z.strictObject({ field: id(), atLeast: z.number() }),
  z.strictObject({ field: id(), atMost: z.number() }),
]);

const optionSchema = z.strictObject({ value: id(), labelTh: text(), labelEn: text() });

export const finderQuestionSchema = z.strictObject({
  id: id(),
  textTh: text(),
  textEn: text(),
  type: z.enum(["choice", "number", "yesNo"]),
  /** Fixed options; or filled in from the business types or the authorities (optionsFrom). */
  options: z.optional(z.array(optionSchema).check(z.minLength(1))),
  optionsFrom: z.optional(z.enum(["businessTypes", "authorities"])),
  integer: z.optional(z.boolean()),
  unit: z.optional(z.strictObject({ th: text(), en: text() })),
  minimum: z.optional(z.number()),
  maximum: z.optional(z.number()),
  askedWhen: z.array(finderConditionSchema),
});

export const businessTypeSchema = z.strictObject({
  id: id(),
  nameTh: text(),
  nameEn: text(),
  implies: z.record(id(), answerValue),
  rules: z.array(id()),
  source: text(),
});

const bilingual = z.strictObject({ th: text(), en: text() });

export const nationalLicenseSchema = z.strictObject({
  id: id(),
  nameTh: text(),
  nameEn: text(),
  agency: z.strictObject({ nameTh: text(), nameEn: text() }),
  source: text(),
});

const localOutcomeSchema = z.strictObject({
  /** The name to give where the authority has no catalog entry for it. */
  nameTh: text(),
  nameEn: text(),
  byAuthority: z.record(
    id(),
    z.strictObject({
      licenseTypeId: id(),
      /** Indexes of the entry's fee rules that apply to this case (all when absent). */
      feeRules: z.optional(z.array(z.number().check(z.int(), z.gte(0)))),
    }),
  ),
});

export const finderRuleSchema = z.strictObject({
  id: id(),
  when: z.array(finderConditionSchema).check(z.minLength(1)),
  why: bilingual,
  local: z.optional(localOutcomeSchema),
  national: z.optional(id()),
});

export type FinderCondition = z.infer<typeof finderConditionSchema>;
export type FinderQuestion = z.infer<typeof finderQuestionSchema>;
export type BusinessType = z.infer<typeof businessTypeSchema>;
export type NationalLicense = z.infer<typeof nationalLicenseSchema>;
export type FinderRule = z.infer<typeof finderRuleSchema>;

export interface FinderData {
  questions: FinderQuestion[];
  businessTypes: BusinessType[];
  nationalLicenses: NationalLicense[];
  rules: FinderRule[];
}
