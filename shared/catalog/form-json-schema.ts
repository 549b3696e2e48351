import type { FactCondition, FormField, LicenseType } from "./schema";

/**
 * A license type's application form as JSON Schema (draft 2020-12), for clients that build the form
 * and check it before sending: what `buildFormSchema` (form-schema.ts) accepts, said in a standard
 * every language has a validator for. Labels ride along as `title` (Thai) and `x-labelEn`; enum
 * options are `oneOf` of `const` + `title` + `x-labelEn`; a field required only when a fact holds
 * (`requiredWhen`) is an `if`/`then` under `allOf`. Annotations starting with `x-` are ours.
 *
 * Text fields are checked by the server after NFC and trimming (shared/schemas/safe-text.ts): the
 * pattern here says the same for what clients send in practice (one line, something visible, no
 * control or format characters); the length bounds count characters before trimming.
 */
export type JsonSchema = Record<string, unknown>;

export const jsonSchemaDialect = "https://json-schema.org/draft/2020-12/schema";

/** Our annotation keywords, for validators that want unknown keywords declared (ajv's strict mode). */
export const formAnnotationKeywords = ["x-labelEn", "x-requiredWhen"] as const;

/**
 * One line with at least one letter, digit, punctuation mark or symbol, and no control, format,
 * surrogate, line or paragraph separator character (shared/domain/text-safety.ts). ECMA-262 with
 * the `u` flag, as JSON Schema 2020-12 specifies for `pattern`.
 */
export const singleLineTextPattern =
  "^(?=.*[\\p{L}\\p{N}\\p{P}\\p{S}])[^\\p{Cc}\\p{Cf}\\p{Cs}\\p{Zl}\\p{Zp}]*$";

export function buildFormJsonSchema(licenseType: LicenseType): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const field of licenseType.form) properties[field.key] = fieldJsonSchema(field);
  // As buildFormSchema: a rule only adds a requirement to a field that is not always required.
  const conditional = licenseType.form.filter((f) => !f.required && f.requiredWhen);
  return {
    $schema: jsonSchemaDialect,
    title: licenseType.nameTh,
    "x-labelEn": licenseType.nameEn,
    type: "object",
    properties,
    required: licenseType.form.filter((f) => f.required).map((f) => f.key),
    additionalProperties: false,
    ...(conditional.length > 0
      ? {
          allOf: conditional.map((f) => ({
            if: factConditionJsonSchema(f.requiredWhen!),
            // biome-ignore lint/suspicious/noThenProperty: JSON Schema's keyword
            then: { required: [f.key] },
          })),
        }
      : {}),
  };
}

function fieldJsonSchema(field: FormField): JsonSchema {
  const labels = {
    title: field.labelTh,
    "x-labelEn": field.labelEn,
    ...(field.requiredWhen && !field.required ? { "x-requiredWhen": field.requiredWhen } : {}),
  };
  switch (field.type) {
    case "text":
      return {
        ...labels,
        type: "string",
        minLength: 1,
        maxLength: field.maxLength,
        pattern: singleLineTextPattern,
      };
    case "number":
    case "integer":
      return {
        ...labels,
        type: field.type,
        ...(field.exclusiveMinimum !== undefined ? { exclusiveMinimum: field.exclusiveMinimum } : {}),
        ...(field.minimum !== undefined ? { minimum: field.minimum } : {}),
        ...(field.maximum !== undefined ? { maximum: field.maximum } : {}),
      };
    case "boolean":
      return { ...labels, type: "boolean" };
    case "enum":
      return {
        ...labels,
        type: "string",
        oneOf: field.options.map((o) => ({ const: o.value, title: o.labelTh, "x-labelEn": o.labelEn })),
      };
  }
}

/**
 * A catalog rule as a schema the form's data matches exactly when `factHolds` (fact-condition.ts)
 * is true: the fact must be stated, and of the type the rule compares with.
 */
export function factConditionJsonSchema(condition: FactCondition): JsonSchema {
  const fact = (schema: JsonSchema) => ({
    type: "object",
    properties: { [condition.field]: schema },
    required: [condition.field],
  });
  if ("equals" in condition) return fact({ const: condition.equals });
  if ("oneOf" in condition) return fact({ type: "string", enum: condition.oneOf });
  return fact({ type: "number", exclusiveMinimum: condition.greaterThan });
}
