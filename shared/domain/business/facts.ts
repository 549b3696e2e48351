import type { FormField, LicenseType } from "../../catalog/schema";
import type { FactValue } from "./types";

/**
 * A business's facts are the answers forms ask (floor area, kind of activity …), kept once under the
 * form field's key. A fact is accepted when some license form asks it and its value has the type that
 * form asks; the bounds (e.g. "over 200 m²") are one license type's scope, checked when a form is filled.
 */
export function factFieldIndex(licenseTypes: readonly LicenseType[]): Map<string, FormField[]> {
  const index = new Map<string, FormField[]>();
  for (const type of licenseTypes)
    for (const field of type.form) index.set(field.key, [...(index.get(field.key) ?? []), field]);
  return index;
}

export function factErrors(
  facts: Record<string, FactValue>,
  index: Map<string, FormField[]>,
): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  for (const [key, value] of Object.entries(facts)) {
    const fields = index.get(key);
    if (!fields) errors.push({ path: `facts.${key}`, message: "no license form asks this fact" });
    else if (!fields.some((field) => fits(field, value)))
      errors.push({ path: `facts.${key}`, message: `expected ${describe(fields)}` });
  }
  return errors;
}

function fits(field: FormField, value: FactValue): boolean {
  switch (field.type) {
    case "text":
      return typeof value === "string" && value.length <= field.maxLength;
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "integer":
      return Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "enum":
      return field.options.some((o) => o.value === value);
  }
}

function describe(fields: FormField[]): string {
  const kinds = new Set(
    fields.map((f) =>
      f.type === "enum"
        ? `one of ${f.options.map((o) => o.value).join(", ")}`
        : `${f.type === "integer" ? "an" : "a"} ${f.type}`,
    ),
  );
  return [...kinds].join(" or ");
}
