import * as z from "zod/mini";
import "../schemas/zod-locale";
import { singleLineText } from "../schemas/safe-text";
import { factHolds } from "./fact-condition";
import type { FormField, LicenseType } from "./schema";

/**
 * Builds the zod schema of a license type's application form from its catalog field list. A field
 * required only when a fact holds (`requiredWhen`) is checked after the fields themselves, and the
 * error names the field, as a missing required field's does.
 */
export function buildFormSchema(licenseType: LicenseType): z.ZodMiniType<Record<string, unknown>> {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const field of licenseType.form) {
    const schema = fieldSchema(field);
    shape[field.key] = field.required ? schema : z.optional(schema);
  }
  const conditional = licenseType.form.filter((f) => !f.required && f.requiredWhen);
  const form = z.strictObject(shape);
  if (conditional.length === 0) return form as unknown as z.ZodMiniType<Record<string, unknown>>;
  return form.check(
    z.superRefine((data: Record<string, unknown>, ctx) => {
      for (const field of conditional)
        if (data[field.key] === undefined && factHolds(field.requiredWhen!, data))
          ctx.addIssue({
            code: "invalid_type",
            expected: field.type === "enum" || field.type === "text" ? "string" : field.type,
            input: undefined,
            path: [field.key],
            message: `${field.key} is required when ${field.requiredWhen!.field} is as stated`,
          });
    }),
  ) as unknown as z.ZodMiniType<Record<string, unknown>>;
}

/** Same fields, all optional: a draft may be saved half filled; submit checks the full schema. */
export function buildDraftFormSchema(licenseType: LicenseType): z.ZodMiniType<Record<string, unknown>> {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const field of licenseType.form) shape[field.key] = z.optional(fieldSchema(field));
  return z.strictObject(shape) as unknown as z.ZodMiniType<Record<string, unknown>>;
}

function fieldSchema(field: FormField): z.ZodMiniType {
  switch (field.type) {
    case "text":
      // Printed on the license and shown by the public verify endpoint: one safe line each.
      return singleLineText(1, field.maxLength);
    case "number":
    case "integer": {
      const checks: z.core.$ZodCheck<number>[] = field.type === "integer" ? [z.int()] : [];
      if (field.exclusiveMinimum !== undefined) checks.push(z.gt(field.exclusiveMinimum));
      if (field.minimum !== undefined) checks.push(z.gte(field.minimum));
      if (field.maximum !== undefined) checks.push(z.lte(field.maximum));
      return z.number().check(...checks);
    }
    case "boolean":
      return z.boolean();
    case "enum":
      return z.enum(field.options.map((o) => o.value) as [string, ...string[]]);
  }
}
