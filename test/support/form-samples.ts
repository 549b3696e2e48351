import Ajv2020 from "ajv/dist/2020.js";
import { formAnnotationKeywords } from "../../shared/catalog/form-json-schema";
import type { FactCondition, FormField, LicenseType } from "../../shared/catalog/schema";

/**
 * Form data samples derived from a license type's field list alone (no ids or keys assumed), to
 * check that the form's JSON Schema and the server's zod schema (buildFormSchema) agree: a value
 * typical of each field, then each field changed to something typical clients get wrong.
 */
export interface FormSample {
  name: string;
  data: Record<string, unknown>;
}

/**
 * A strict 2020-12 validator that knows our annotation keywords, as a client would set one up. Not
 * ajv's strictRequired: an if/then may require a field the then-branch does not itself define.
 */
export function formValidator() {
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
  ajv.addVocabulary([...formAnnotationKeywords]);
  return ajv;
}

export function typicalValue(field: FormField): unknown {
  switch (field.type) {
    case "text":
      return "ร้านอาหารครัวคลองด่าน 99/1".slice(0, field.maxLength);
    case "number":
    case "integer": {
      const low = field.exclusiveMinimum !== undefined ? field.exclusiveMinimum + 1 : (field.minimum ?? 1);
      return field.maximum !== undefined ? Math.min(low, field.maximum) : low;
    }
    case "boolean":
      return true;
    case "enum":
      return field.options[0]!.value;
  }
}

/** Values of the field's type that break one of its rules (and other types), each named. */
export function wrongValues(field: FormField): [string, unknown][] {
  const common: [string, unknown][] = [
    ["null", null],
    ["an object", {}],
    ["an array", []],
  ];
  switch (field.type) {
    case "text":
      return [
        ...common,
        ["a number", 42],
        ["empty", ""],
        ["spaces only", "   "],
        ["a line break", "บรรทัดแรก\nบรรทัดสอง"],
        ["a NUL", "ชื่อ\u0000"],
        ["a bidi override", "ชื่อ\u202Eabc"],
        ["a zero-width space", "ชื่อ\u200Bร้าน"],
        ["an ANSI escape", "\u001b[31mชื่อ"],
        ["one character too long", "ก".repeat(field.maxLength + 1)],
      ];
    case "number":
    case "integer":
      return [
        ...common,
        ["a numeric string", String(typicalValue(field))],
        ...(field.type === "integer" ? ([["a fraction", 1.5]] as [string, unknown][]) : []),
        ...(field.exclusiveMinimum !== undefined
          ? ([["at the exclusive minimum", field.exclusiveMinimum]] as [string, unknown][])
          : []),
        ...(field.minimum !== undefined
          ? ([["below the minimum", field.minimum - 1]] as [string, unknown][])
          : []),
        ...(field.maximum !== undefined
          ? ([["above the maximum", field.maximum + 1]] as [string, unknown][])
          : []),
      ];
    case "boolean":
      return [...common, ["a string", "true"], ["a number", 1]];
    case "enum":
      return [
        ...common,
        ["a value not offered", "notAnOption"],
        ["a label instead of the value", field.options[0]!.labelTh],
        ["a number", 1],
      ];
  }
}

/** Values within the field's rules other than the typical one (bounds, every option, trimmed text). */
export function otherValidValues(field: FormField): [string, unknown][] {
  switch (field.type) {
    case "text":
      return [
        ["the longest", "ก".repeat(field.maxLength)],
        ["English", "Khlong Dan Kitchen".slice(0, field.maxLength)],
      ];
    case "number":
    case "integer":
      return [
        ...(field.minimum !== undefined ? ([["the minimum", field.minimum]] as [string, unknown][]) : []),
        ...(field.maximum !== undefined ? ([["the maximum", field.maximum]] as [string, unknown][]) : []),
        ...(field.type === "number" && field.exclusiveMinimum !== undefined
          ? ([["just above the exclusive minimum", field.exclusiveMinimum + 0.5]] as [string, unknown][])
          : []),
      ];
    case "boolean":
      return [["false", false]];
    case "enum":
      return field.options.map((o) => [`option ${o.value}`, o.value] as [string, unknown]);
  }
}

/** Facts that make a rule hold, and facts that make it fail, for the field it reads. */
function factValues(
  condition: FactCondition,
  field: FormField | undefined,
): { holds: unknown[]; fails: unknown[] } {
  if ("equals" in condition) {
    const other =
      field?.type === "enum"
        ? field.options.map((o) => o.value).filter((v) => v !== condition.equals)
        : typeof condition.equals === "boolean"
          ? [!condition.equals]
          : [];
    return { holds: [condition.equals], fails: other };
  }
  if ("oneOf" in condition) {
    const other =
      field?.type === "enum"
        ? field.options.map((o) => o.value).filter((v) => !condition.oneOf.includes(v))
        : [];
    return { holds: condition.oneOf, fails: other };
  }
  return { holds: [condition.greaterThan + 1], fails: [condition.greaterThan] };
}

/** Every field at its typical value; conditional fields too. */
export function fullForm(licenseType: LicenseType): Record<string, unknown> {
  return Object.fromEntries(licenseType.form.map((f) => [f.key, typicalValue(f)]));
}

export function formSamples(licenseType: LicenseType): FormSample[] {
  const full = fullForm(licenseType);
  const requiredOnly = Object.fromEntries(
    licenseType.form.filter((f) => f.required).map((f) => [f.key, full[f.key]]),
  );
  const samples: FormSample[] = [
    { name: "every field", data: full },
    { name: "the required fields only", data: requiredOnly },
    { name: "nothing", data: {} },
    { name: "an unknown field", data: { ...full, notAField: "x" } },
  ];
  for (const field of licenseType.form) {
    const without = { ...full };
    delete without[field.key];
    samples.push({ name: `without ${field.key}`, data: without });
    for (const [name, value] of wrongValues(field))
      samples.push({ name: `${field.key}: ${name}`, data: { ...full, [field.key]: value } });
    for (const [name, value] of otherValidValues(field))
      samples.push({ name: `${field.key}: ${name}`, data: { ...full, [field.key]: value } });
    if (field.requiredWhen && !field.required) {
      const fact = licenseType.form.find((f) => f.key === field.requiredWhen!.field);
      const { holds, fails } = factValues(field.requiredWhen, fact);
      const base = { ...requiredOnly };
      for (const value of holds) {
        samples.push({
          name: `${field.key} missing while ${field.requiredWhen.field} = ${JSON.stringify(value)}`,
          data: { ...base, [field.requiredWhen.field]: value },
        });
        samples.push({
          name: `${field.key} given while ${field.requiredWhen.field} = ${JSON.stringify(value)}`,
          data: { ...base, [field.requiredWhen.field]: value, [field.key]: full[field.key] },
        });
      }
      for (const value of fails)
        samples.push({
          name: `${field.key} missing while ${field.requiredWhen.field} = ${JSON.stringify(value)}`,
          data: { ...base, [field.requiredWhen.field]: value },
        });
    }
  }
  return samples;
}
