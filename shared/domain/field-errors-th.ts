import type { SchemaIssue } from "./field-errors";

/**
 * The Thai of a field error (issue 16, §5: each field error in both languages, not only the title).
 * Written from the issue's code and bounds rather than translated from zod's English, so it reads as
 * Thai forms do; a rule of our own (text safety) is matched by its English wording.
 */
const typeTh: Record<string, string> = {
  string: "ข้อความ",
  number: "ตัวเลข",
  int: "จำนวนเต็ม",
  integer: "จำนวนเต็ม",
  boolean: "ค่าจริงหรือเท็จ (true/false)",
  object: "ชุดข้อมูล (JSON object)",
  array: "รายการ (array)",
  date: "วันที่",
};

const textRulesTh: readonly [RegExp, string][] = [
  [/line break/, "ต้องเป็นข้อความบรรทัดเดียว (มีการขึ้นบรรทัดใหม่)"],
  [/line or paragraph separator/, "มีตัวแบ่งบรรทัดที่ไม่อนุญาต (ใช้ได้เฉพาะ \\n)"],
  [/lone surrogate/, "มีอักขระที่ไม่สมบูรณ์ (ข้อความไม่ใช่ UTF-16 ที่ถูกต้อง)"],
  [/control or format character/, "มีอักขระควบคุมที่มองไม่เห็น"],
  [/at least one visible character/, "ต้องมีตัวอักษรที่มองเห็นได้อย่างน้อยหนึ่งตัว"],
  [/path separator/, "ต้องเป็นชื่อไฟล์ที่ไม่มีเครื่องหมาย / หรือ \\"],
  [/not "\." or "\.\."/, 'ต้องเป็นชื่อไฟล์ ไม่ใช่ "." หรือ ".."'],
];

type Bounded = SchemaIssue & {
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
  values?: readonly unknown[];
};

export function thaiMessageOf(issue: SchemaIssue): string {
  const i = issue as Bounded;
  switch (i.code) {
    case "invalid_type":
      // zod leaves the input out of its issues; its message says when nothing was given.
      if (/received undefined/.test(i.message)) return "ต้องระบุข้อมูลนี้";
      return `ต้องเป็น${typeTh[i.expected ?? ""] ?? `ชนิด ${i.expected}`}`;
    case "too_small":
      if (i.origin === "string")
        return Number(i.minimum) <= 1 ? "ต้องระบุข้อมูลนี้" : `ต้องมีอย่างน้อย ${i.minimum} ตัวอักษร`;
      if (i.origin === "array" || i.origin === "set") return `ต้องมีอย่างน้อย ${i.minimum} รายการ`;
      return i.inclusive === false ? `ต้องมากกว่า ${i.minimum}` : `ต้องไม่น้อยกว่า ${i.minimum}`;
    case "too_big":
      if (i.origin === "string") return `ต้องไม่เกิน ${i.maximum} ตัวอักษร`;
      if (i.origin === "array" || i.origin === "set") return `ต้องไม่เกิน ${i.maximum} รายการ`;
      return i.inclusive === false ? `ต้องน้อยกว่า ${i.maximum}` : `ต้องไม่เกิน ${i.maximum}`;
    case "invalid_format":
      return i.format === "regex" ? "รูปแบบไม่ถูกต้อง" : `รูปแบบไม่ถูกต้อง (ต้องเป็น ${i.format})`;
    case "invalid_value":
      return `ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: ${(i.values ?? []).map((v) => JSON.stringify(v)).join(", ")}`;
    case "not_multiple_of":
      return "ค่าไม่ถูกต้องตามช่วงที่กำหนด";
    case "unrecognized_keys":
      return `ไม่รู้จักช่องข้อมูล ${(i.keys ?? []).map((k) => `"${k}"`).join(", ")}`;
    default: {
      const rule = textRulesTh.find(([pattern]) => pattern.test(i.message));
      return rule ? rule[1] : `ข้อมูลไม่ถูกต้อง (${i.message})`;
    }
  }
}

/** The Thai of an unknown key's error. */
export function unknownFieldTh(key: string): string {
  return `ไม่รู้จักช่องข้อมูล "${key}": ไม่รับข้อมูลนี้`;
}
