import { describe, expect, it } from "vitest";
import { factHolds } from "../../../shared/catalog/fact-condition";
import { buildFormSchema } from "../../../shared/catalog/form-schema";
import type { FactCondition, LicenseType } from "../../../shared/catalog/schema";

describe("a rule over the form's facts", () => {
  it.each([
    [{ field: "operatorType", equals: "juristicPerson" }, { operatorType: "juristicPerson" }, true],
    [{ field: "operatorType", equals: "juristicPerson" }, { operatorType: "naturalPerson" }, false],
    [{ field: "hasSign", equals: true }, { hasSign: true }, true],
    [{ field: "hasSign", equals: true }, { hasSign: "true" }, false],
    [{ field: "kind", oneOf: ["foodSale", "foodStorage"] }, { kind: "foodStorage" }, true],
    [{ field: "kind", oneOf: ["foodSale"] }, { kind: "market" }, false],
    [{ field: "areaSqm", greaterThan: 200 }, { areaSqm: 200.5 }, true],
    [{ field: "areaSqm", greaterThan: 200 }, { areaSqm: 200 }, false],
    [{ field: "areaSqm", greaterThan: 200 }, { areaSqm: "300" }, false],
    [{ field: "areaSqm", greaterThan: 200 }, {}, false],
  ] as [FactCondition, Record<string, unknown>, boolean][])(
    "%j with %j holds: %s",
    (condition, facts, holds) => {
      expect(factHolds(condition, facts)).toBe(holds);
    },
  );
});

describe("a form field required only when a fact holds", () => {
  const licenseType = {
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
      { key: "hasSign", type: "boolean", labelTh: "มีป้าย", labelEn: "Has a sign", required: false },
    ],
  } as unknown as LicenseType;
  const schema = buildFormSchema(licenseType);

  it("is not asked of a natural person", () => {
    expect(schema.safeParse({ operatorType: "naturalPerson" }).success).toBe(true);
  });

  it("is asked of a juristic person, and the error names the field", () => {
    const result = schema.safeParse({ operatorType: "juristicPerson" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toEqual([["companyNumber"]]);
    expect(schema.safeParse({ operatorType: "juristicPerson", companyNumber: "0105562000000" }).success).toBe(
      true,
    );
  });

  it("takes booleans as booleans only", () => {
    expect(schema.safeParse({ operatorType: "naturalPerson", hasSign: false }).success).toBe(true);
    expect(schema.safeParse({ operatorType: "naturalPerson", hasSign: "yes" }).success).toBe(false);
  });
});
