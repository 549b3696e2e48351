import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { allLicenseTypes } from "../../../shared/catalog";
import { buildDraftFormSchema, buildFormSchema } from "../../../shared/catalog/form-schema";
import { fileNameText, multiLineText, singleLineText } from "../../../shared/schemas/safe-text";

const messages = (schema: z.ZodMiniType, value: unknown) =>
  schema.safeParse(value).error?.issues.map((i) => i.message) ?? [];

describe("singleLineText / multiLineText / fileNameText", () => {
  it("stores NFC, trimmed", () => {
    expect(singleLineText(1, 50).parse("  Cafe\u0301 ครัวคลองด่าน ")).toBe("Café ครัวคลองด่าน");
    expect(multiLineText(1, 50).parse("ข้อ 1\r\nข้อ 2\r\n")).toBe("ข้อ 1\nข้อ 2");
    expect(fileNameText().parse(" สำเนาบัตรประชาชน.pdf")).toBe("สำเนาบัตรประชาชน.pdf");
  });

  it("gives one message per field, naming the rule and the code point", () => {
    expect(messages(singleLineText(1, 50), "ok\u202Egnp.exe")).toEqual([
      "contains a control or format character (U+202E)",
    ]);
    expect(messages(singleLineText(1, 50), "\n")).toEqual([
      "contains a line break (U+000A); this field is a single line",
    ]);
    expect(messages(multiLineText(1, 50), "\u200B")).toEqual([
      "contains a control or format character (U+200B)",
    ]);
    expect(messages(fileNameText(), "../x.pdf")).toEqual([
      "must be a file name without a path separator (/)",
    ]);
    expect(messages(singleLineText(1, 50), "\u3164")).toEqual([
      "must contain at least one visible character",
    ]);
  });

  it("bounds the length after trimming, and refuses what trims to nothing", () => {
    expect(messages(singleLineText(1, 5), "  ครัว  ")).toEqual([]);
    expect(messages(singleLineText(1, 5), "ครัวคลอง")[0]).toMatch(/<=5 characters/);
    expect(messages(singleLineText(1, 5), "   ")[0]).toMatch(/>=1 characters/);
    expect(messages(multiLineText(1, 5), "")[0]).toMatch(/>=1 characters/);
  });

  it("is a plain bounded string in the OpenAPI document (checks, not a transform)", () => {
    expect(z.toJSONSchema(singleLineText(1, 200), { io: "input" })).toMatchObject({
      type: "string",
      minLength: 1,
      maxLength: 200,
    });
  });
});

describe("the license types' forms", () => {
  const textFields = allLicenseTypes().flatMap((lt) =>
    lt.form.filter((f) => f.type === "text").map((f) => [`${lt.id}.${f.key}`, lt, f.key] as const),
  );

  it.each(textFields)(
    "%s takes Thai text and refuses a bidi override, NUL and a line break",
    (_id, lt, key) => {
      const draft = buildDraftFormSchema(lt);
      expect(draft.safeParse({ [key]: "ร้านอาหารครัวคลองด่าน" }).success).toBe(true);
      for (const [unsafe, rule] of [
        ["ร้าน\u202Eอาหาร", "(U+202E)"],
        ["ร้าน\u0000", "(U+0000)"],
        ["ร้าน\r\nอาหาร", "line break"],
        ["\u200B", "(U+200B)"],
      ] as const) {
        const issues = draft.safeParse({ [key]: unsafe }).error?.issues ?? [];
        expect(issues, unsafe).toEqual([
          expect.objectContaining({ path: [key], message: expect.stringContaining(rule) }),
        ]);
      }
    },
  );

  it("refuses a field the license type does not have, naming it, in draft and submit alike", () => {
    for (const lt of allLicenseTypes())
      for (const schema of [buildDraftFormSchema(lt), buildFormSchema(lt)]) {
        const issues = schema.safeParse(JSON.parse('{"status":"LICENSE_ISSUED","__proto__":{}}')).error
          ?.issues;
        expect(issues).toContainEqual(
          expect.objectContaining({ code: "unrecognized_keys", keys: ["status", "__proto__"] }),
        );
      }
  });
});
