import * as z from "zod";
import type { FormField, LicenseType } from "./schema";

/** Builds the zod schema of a license type's application form from its catalog field list. */
export function buildFormSchema(licenseType: LicenseType): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const field of licenseType.form) {
    const schema = fieldSchema(field);
    shape[field.key] = field.required ? schema : schema.optional();
  }
  return z.strictObject(shape) as unknown as z.ZodType<Record<string, unknown>>;
}

/** Same fields, all optional: a draft may be saved half filled; submit checks the full schema. */
export function buildDraftFormSchema(licenseType: LicenseType): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const field of licenseType.form) shape[field.key] = fieldSchema(field).optional();
  return z.strictObject(shape) as unknown as z.ZodType<Record<string, unknown>>;
}

function fieldSchema(field: FormField): z.ZodType {
  switch (field.type) {
    case "text":
      return z.string().trim().min(1).max(field.maxLength);
    case "number":
    case "integer": {
      let n = field.type === "integer" ? z.number().int() : z.number();
      if (field.exclusiveMinimum !== undefined) n = n.gt(field.exclusiveMinimum);
      if (field.minimum !== undefined) n = n.gte(field.minimum);
      if (field.maximum !== undefined) n = n.lte(field.maximum);
      return n;
    }
    case "enum":
      return z.enum(field.options.map((o) => o.value) as [string, ...string[]]);
  }
}
