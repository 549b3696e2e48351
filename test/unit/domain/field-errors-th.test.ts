import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { fieldErrorsOf } from "../../../shared/domain/field-errors";
import { singleLineText } from "../../../shared/schemas/safe-text";

/** Issue 16, §5: every field error says what is wrong in Thai as well as in English. */
const schema = z.strictObject({
  businessName: singleLineText(1, 20),
  floorAreaSqm: z.number().check(z.gt(0), z.lte(100000)),
  kind: z.enum(["foodSale", "foodStorage"]),
  handlers: z.number().check(z.int()),
  tags: z.array(z.string()).check(z.minLength(1)),
  hasSign: z.boolean(),
});
const errorsOf = (input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? [] : fieldErrorsOf(result.error.issues, ["body"]).errors;
};
const thaiAt = (input: unknown, path: string) => errorsOf(input).find((e) => e.path === path)?.messageTh;
const valid = {
  businessName: "ครัวคลองด่าน",
  floorAreaSqm: 350,
  kind: "foodSale",
  handlers: 3,
  tags: ["a"],
  hasSign: true,
};

describe("field errors in Thai", () => {
  it.each([
    [{ ...valid, businessName: undefined }, "body.businessName", "ต้องระบุข้อมูลนี้"],
    [{ ...valid, businessName: 7 }, "body.businessName", "ต้องเป็นข้อความ"],
    [{ ...valid, businessName: "ก".repeat(21) }, "body.businessName", "ต้องไม่เกิน 20 ตัวอักษร"],
    [{ ...valid, businessName: "สอง\nบรรทัด" }, "body.businessName", "ต้องเป็นข้อความบรรทัดเดียว (มีการขึ้นบรรทัดใหม่)"],
    [{ ...valid, floorAreaSqm: 0 }, "body.floorAreaSqm", "ต้องมากกว่า 0"],
    [{ ...valid, floorAreaSqm: 200000 }, "body.floorAreaSqm", "ต้องไม่เกิน 100000"],
    [{ ...valid, kind: "bar" }, "body.kind", 'ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: "foodSale", "foodStorage"'],
    [{ ...valid, handlers: 2.5 }, "body.handlers", "ต้องเป็นจำนวนเต็ม"],
    [{ ...valid, tags: [] }, "body.tags", "ต้องมีอย่างน้อย 1 รายการ"],
    [{ ...valid, hasSign: "yes" }, "body.hasSign", "ต้องเป็นค่าจริงหรือเท็จ (true/false)"],
    [{ ...valid, shoeSize: 42 }, "body.shoeSize", 'ไม่รู้จักช่องข้อมูล "shoeSize": ไม่รับข้อมูลนี้'],
  ])("%j → %s: %s", (input, path, thai) => {
    expect(thaiAt(input, path)).toBe(thai);
  });

  it("keeps the English message beside the Thai one", () => {
    const [error] = errorsOf({ ...valid, floorAreaSqm: 0 });
    expect(error).toMatchObject({
      path: "body.floorAreaSqm",
      message: expect.any(String),
      messageTh: "ต้องมากกว่า 0",
    });
    expect(error!.message).not.toBe(error!.messageTh);
  });
});
