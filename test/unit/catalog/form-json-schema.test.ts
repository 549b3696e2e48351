import { describe, expect, it } from "vitest";
import { allLicenseTypes } from "../../../shared/catalog";
import { factHolds } from "../../../shared/catalog/fact-condition";
import { buildFormJsonSchema, factConditionJsonSchema } from "../../../shared/catalog/form-json-schema";
import { buildFormSchema } from "../../../shared/catalog/form-schema";
import type { FactCondition, LicenseType } from "../../../shared/catalog/schema";
import { formSamples, formValidator, fullForm } from "../../support/form-samples";

/**
 * Issue 15 §4: the form's JSON Schema, as any client's validator reads it (ajv, strict, 2020-12),
 * accepts exactly what the server's zod schema accepts, for typical and typically wrong data of
 * every field of every catalog entry, and of a form with every kind of conditional requirement.
 */
const ajv = formValidator();

/** A form with each kind of rule and field the catalog schema allows, whatever the data holds. */
const conditionalForm = {
  id: "synthetic-conditional-form",
  nameTh: "แบบทดสอบ",
  nameEn: "Synthetic form",
  form: [
    {
      key: "operatorType",
      type: "enum",
      labelTh: "ประเภทผู้ขออนุญาต",
      labelEn: "Applicant type",
      required: true,
      options: [
        { value: "naturalPerson", labelTh: "บุคคลธรรมดา", labelEn: "Natural person" },
        { value: "juristicPerson", labelTh: "นิติบุคคล", labelEn: "Juristic person" },
        { value: "partnership", labelTh: "ห้างหุ้นส่วน", labelEn: "Partnership" },
      ],
    },
    {
      key: "companyNumber",
      type: "text",
      labelTh: "เลขทะเบียนนิติบุคคล",
      labelEn: "Company registration number",
      required: false,
      maxLength: 13,
      requiredWhen: { field: "operatorType", equals: "juristicPerson" },
    },
    {
      key: "partnerCount",
      type: "integer",
      labelTh: "จำนวนหุ้นส่วน",
      labelEn: "Number of partners",
      required: false,
      minimum: 2,
      requiredWhen: { field: "operatorType", oneOf: ["partnership", "juristicPerson"] },
    },
    { key: "hasSign", type: "boolean", labelTh: "มีป้าย", labelEn: "Has a sign", required: true },
    {
      key: "signText",
      type: "text",
      labelTh: "ข้อความบนป้าย",
      labelEn: "Text of the sign",
      required: false,
      maxLength: 100,
      requiredWhen: { field: "hasSign", equals: true },
    },
    {
      key: "areaSqm",
      type: "number",
      labelTh: "พื้นที่ (ตารางเมตร)",
      labelEn: "Floor area (m²)",
      required: false,
      exclusiveMinimum: 0,
      maximum: 100000,
    },
    {
      key: "fireExitCount",
      type: "integer",
      labelTh: "จำนวนทางหนีไฟ",
      labelEn: "Number of fire exits",
      required: false,
      minimum: 1,
      maximum: 50,
      requiredWhen: { field: "areaSqm", greaterThan: 200 },
    },
    {
      key: "alwaysRequired",
      type: "text",
      labelTh: "ชื่อ",
      labelEn: "Name",
      required: true,
      maxLength: 50,
      // A rule on a field that is always required adds nothing (as in buildFormSchema).
      requiredWhen: { field: "hasSign", equals: false },
    },
  ],
} as unknown as LicenseType;

const entries = [...allLicenseTypes(), conditionalForm];

describe.each(entries.map((e) => [e.id, e] as const))("the form of %s", (_id, licenseType) => {
  const jsonSchema = buildFormJsonSchema(licenseType);
  const validate = ajv.compile(jsonSchema);
  const zod = buildFormSchema(licenseType);

  it("is a valid JSON Schema 2020-12 with a Thai and an English label on every field", () => {
    expect(ajv.validateSchema(jsonSchema)).toBe(true);
    const properties = jsonSchema.properties as Record<string, Record<string, unknown>>;
    expect(Object.keys(properties)).toEqual(licenseType.form.map((f) => f.key));
    for (const field of licenseType.form) {
      expect(properties[field.key]).toMatchObject({ title: field.labelTh, "x-labelEn": field.labelEn });
      if (field.type === "enum")
        expect(properties[field.key]!.oneOf).toEqual(
          field.options.map((o) => ({ const: o.value, title: o.labelTh, "x-labelEn": o.labelEn })),
        );
    }
    expect(jsonSchema.required).toEqual(licenseType.form.filter((f) => f.required).map((f) => f.key));
  });

  it("accepts every field at a typical value", () => {
    expect(validate(fullForm(licenseType)), JSON.stringify(validate.errors)).toBe(true);
  });

  it("accepts and refuses what the server's validation accepts and refuses", () => {
    const samples = formSamples(licenseType);
    expect(samples.length).toBeGreaterThan(4 * licenseType.form.length);
    const disagreements = samples
      .map((s) => ({ name: s.name, ajv: validate(s.data), zod: zod.safeParse(s.data).success }))
      .filter((r) => r.ajv !== r.zod);
    expect(disagreements).toEqual([]);
    // The samples do test both ways.
    expect(samples.some((s) => validate(s.data))).toBe(true);
    expect(samples.some((s) => !validate(s.data))).toBe(true);
  });
});

describe("the synthetic form's conditional requirements", () => {
  const validate = ajv.compile(buildFormJsonSchema(conditionalForm));
  const base = { operatorType: "naturalPerson", hasSign: false, alwaysRequired: "ก" };

  it.each([
    [{}, true],
    [{ operatorType: "juristicPerson" }, false],
    [{ operatorType: "juristicPerson", companyNumber: "0105551234567", partnerCount: 3 }, true],
    [{ operatorType: "partnership" }, false],
    [{ operatorType: "partnership", partnerCount: 2 }, true],
    [{ hasSign: true }, false],
    [{ hasSign: true, signText: "ครัวคลองด่าน" }, true],
    [{ areaSqm: 200 }, true],
    [{ areaSqm: 200.5 }, false],
    [{ areaSqm: 350, fireExitCount: 2 }, true],
  ])("%j over the base form: valid %s", (change, valid) => {
    expect(validate({ ...base, ...change })).toBe(valid);
    expect(buildFormSchema(conditionalForm).safeParse({ ...base, ...change }).success).toBe(valid);
  });
});

describe("a rule as a JSON Schema condition", () => {
  const ajvFor = (c: FactCondition) => ajv.compile(factConditionJsonSchema(c));
  it.each([
    [{ field: "operatorType", equals: "juristicPerson" }, { operatorType: "juristicPerson" }],
    [{ field: "operatorType", equals: "juristicPerson" }, { operatorType: "naturalPerson" }],
    [{ field: "hasSign", equals: true }, { hasSign: true }],
    [{ field: "hasSign", equals: true }, { hasSign: "true" }],
    [{ field: "hasSign", equals: true }, {}],
    [{ field: "kind", oneOf: ["foodSale", "foodStorage"] }, { kind: "foodStorage" }],
    [{ field: "kind", oneOf: ["foodSale"] }, { kind: "market" }],
    [{ field: "areaSqm", greaterThan: 200 }, { areaSqm: 200.5 }],
    [{ field: "areaSqm", greaterThan: 200 }, { areaSqm: 200 }],
    [{ field: "areaSqm", greaterThan: 200 }, { areaSqm: "300" }],
    [{ field: "areaSqm", greaterThan: 200 }, {}],
  ] as [FactCondition, Record<string, unknown>][])("%j on %j holds as factHolds says", (condition, facts) => {
    expect(ajvFor(condition)(facts)).toBe(factHolds(condition, facts));
  });
});
