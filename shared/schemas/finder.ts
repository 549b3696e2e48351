import * as z from "zod/mini";
import { finderAuthorities, finderData } from "../catalog/finder";
import type { FinderQuestion } from "../catalog/finder/schema";
import { elsewhere, resolveQuestions } from "../domain/finder/questionnaire";
import { timeLimitSchema } from "./catalog";
import "./zod-locale";

/**
 * `POST /finder` answers and the finder's answers (issue 16 §1). The answers' schema is built from
 * the questions themselves, so the questions a client renders and what the API accepts cannot drift:
 * one optional property per question (choice → its options, number → its bounds, yes-no → boolean),
 * required when every business is asked it. Which other answers are needed depends on the answers
 * (the domain checks that: INCOMPLETE_ANSWERS).
 */

function answerSchema(question: FinderQuestion, options: string[] | undefined): z.ZodMiniType {
  const describe = z.describe(`${question.textEn} (${question.textTh})`);
  if (question.type === "yesNo") return z.boolean().check(describe);
  if (question.type === "choice") return z.enum(options as [string, ...string[]]).check(describe);
  return z
    .number()
    .check(
      ...(question.integer ? [z.int()] : []),
      z.gte(question.minimum ?? 0),
      z.lte(question.maximum ?? Number.MAX_SAFE_INTEGER),
      describe,
    );
}

function buildAnswersSchema() {
  const data = finderData();
  const resolved = resolveQuestions(data, finderAuthorities());
  const shape: Record<string, z.ZodMiniType> = {};
  for (const question of data.questions) {
    const options = resolved.find((q) => q.id === question.id)?.options?.map((o) => o.value);
    const schema = answerSchema(question, options);
    const alwaysAsked =
      question.askedWhen.length === 0 && !data.businessTypes.some((t) => question.id in t.implies);
    shape[question.id] = alwaysAsked ? schema : z.optional(schema);
  }
  return z.strictObject(shape) as unknown as z.ZodMiniType<Record<string, string | number | boolean>>;
}

export const finderAnswersSchema = buildAnswersSchema();

const bilingual = z.object({ th: z.string(), en: z.string() });
const named = z.object({ id: z.string(), nameTh: z.string(), nameEn: z.string() });
const answerValue = z.union([z.string(), z.number(), z.boolean()]);

export const finderQuestionsSchema = z.object({
  questions: z.array(
    z.object({
      id: z.string(),
      textTh: z.string(),
      textEn: z.string(),
      type: z.enum(["choice", "number", "yesNo"]),
      options: z.optional(z.array(z.object({ value: z.string(), labelTh: z.string(), labelEn: z.string() }))),
      integer: z.optional(z.boolean()),
      unit: z.optional(bilingual),
      minimum: z.optional(z.number()),
      maximum: z.optional(z.number()),
      askedWhen: z
        .array(z.record(z.string(), z.unknown()))
        .check(
          z.describe(
            "Asked when every condition holds for the answers so far ({field, equals|oneOf|greaterThan|atLeast|atMost}); [] always",
          ),
        ),
      settledBy: z
        .array(z.string())
        .check(z.describe("Activities that settle this question (not asked for them)")),
    }),
  ),
  elsewhere: z
    .literal(elsewhere)
    .check(z.describe("The location answer for a business outside the authorities")),
});

export const feeEstimateSchema = z.object({
  kind: z
    .enum(["fixed", "upTo", "perRegulation", "unknown"])
    .check(
      z.describe(
        "fixed: exactly amountTHB; upTo: at most amountTHB; perRegulation: rates set by regulation, amountTHB the fixed part beside them (or null); unknown: no fee stated (not free)",
      ),
    ),
  amountTHB: z.nullable(z.number()),
  th: z.string(),
  en: z.string(),
  rules: z.array(z.string()).check(z.describe("The manual's fee lines, as written")),
});

export const foundLicenseSchema = z.object({
  ruleId: z.string(),
  kind: z.enum(["catalog", "localNotInCatalog", "national"]),
  licenseType: z
    .nullable(named)
    .check(z.describe("The catalog's license type: GET /catalog/license-types/{id}")),
  nationalLicenseId: z.nullable(z.string()),
  nameTh: z.string(),
  nameEn: z.string(),
  agency: z.object({ id: z.nullable(z.string()), nameTh: z.string(), nameEn: z.string() }),
  applyableHere: z.boolean(),
  why: z.object({
    th: z.string(),
    en: z.string(),
    answers: z.array(z.object({ question: z.string(), answer: answerValue, th: z.string(), en: z.string() })),
  }),
  timeLimit: timeLimitSchema,
  fee: feeEstimateSchema,
});

export const finderResultSchema = z.object({
  activity: named,
  authority: z.nullable(named),
  licenses: z.array(foundLicenseSchema),
  notes: z.array(bilingual),
  ignoredAnswers: z
    .array(z.string())
    .check(z.describe("Answers to questions not asked for these answers: not read")),
});

export const businessTypesSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      nameTh: z.string(),
      nameEn: z.string(),
      source: z.string().check(z.describe("Where the activity and its licences come from")),
      implies: z.record(z.string(), answerValue),
      licenses: z.array(
        z.object({
          ruleId: z.string(),
          nameTh: z.string(),
          nameEn: z.string(),
          applyableHere: z.boolean(),
          licenseTypes: z.array(
            z.object({ authority: z.string(), id: z.string(), nameTh: z.string(), nameEn: z.string() }),
          ),
          national: z.nullable(
            z.object({
              id: z.string(),
              agency: z.object({ nameTh: z.string(), nameEn: z.string() }),
              source: z.string(),
            }),
          ),
        }),
      ),
    }),
  ),
});
