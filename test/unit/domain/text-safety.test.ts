import { describe, expect, it } from "vitest";
import { isSafeText, normalizeText, type TextKind, textProblem } from "../../../shared/domain/text-safety";

/** Text an applicant or officer really types: Thai with its vowels and tone marks, Latin, digits. */
const validThai = [
  "ร้านอาหารครัวคลองด่าน",
  "นางสาวสมศรี ใจดี",
  "99/1 ม.3 ต.คลองด่าน",
  "บริษัท ครัวคลองด่าน จำกัด (มหาชน)",
  "น้ำพริกกะปิ ๑๒๓ — ราคา ฿3,000.00",
  "ผู้ประกอบการ: ที่ดิน/อาคาร #12",
  "Khlong Dan Kitchen Co., Ltd.",
  "เกื้อกูล ฯลฯ ๆ", // U+0E2F, U+0E46: Thai punctuation
  "ปั่น ขึ้น ที่ นี่ ฟื้น ญี่ปุ่น", // U+0E31, U+0E34–0E37, U+0E48–0E49 stacked
  "เค็ม ก็ ก์ ก๊ ก๋ ก๎", // U+0E47, U+0E4C, U+0E4A, U+0E4B, U+0E4E
  "ฤๅษี ฦๅ", // U+0E24/0E26 with U+0E45
  "a", // one visible character is enough
];

/** [name, value, kind, the rule the message must name]: what an outside tester sent. */
const attacks: [string, string, TextKind, RegExp][] = [
  ["NUL", "ร้าน\u0000อาหาร", "singleLine", /control or format character \(U\+0000\)/],
  ["ANSI escape (ESC [)", "\u001b[31mรับรองแล้ว\u001b[0m", "singleLine", /\(U\+001B\)/],
  ["bell", "a\u0007", "multiLine", /\(U\+0007\)/],
  ["tab in a name", "ร้าน\tอาหาร", "singleLine", /\(U\+0009\)/],
  ["DEL", "ab\u007f", "singleLine", /\(U\+007F\)/],
  ["C1 control (CSI)", "ab\u009b31m", "singleLine", /\(U\+009B\)/],
  ["right-to-left override", "invoice\u202Efdp.exe", "fileName", /\(U\+202E\)/],
  ["left-to-right embedding", "\u202Aชื่อ", "singleLine", /\(U\+202A\)/],
  ["pop directional formatting", "ชื่อ\u202C", "singleLine", /\(U\+202C\)/],
  ["right-to-left isolate", "ชื่อ\u2067abc\u2069", "singleLine", /\(U\+2067\)/],
  ["first strong isolate", "\u2068x", "multiLine", /\(U\+2068\)/],
  ["left-to-right mark", "x\u200E", "singleLine", /\(U\+200E\)/],
  ["zero-width space only", "\u200B", "singleLine", /\(U\+200B\)/],
  ["zero-width non-joiner only", "\u200C\u200C", "singleLine", /\(U\+200C\)/],
  ["zero-width joiner only", "\u200D", "multiLine", /\(U\+200D\)/],
  ["BOM only", "\uFEFF", "singleLine", /\(U\+FEFF\)/],
  ["BOM before a name", "\uFEFFสมศรี", "singleLine", /\(U\+FEFF\)/],
  ["word joiner only", "\u2060", "singleLine", /\(U\+2060\)/],
  ["soft hyphen", "สม\u00ADศรี", "singleLine", /\(U\+00AD\)/],
  ["tag character", "a\u{E0041}", "singleLine", /\(U\+E0041\)/],
  ["lone high surrogate", "ab\uD800", "singleLine", /lone surrogate \(U\+D800\)/],
  ["lone low surrogate", "\uDC00ab", "multiLine", /lone surrogate \(U\+DC00\)/],
  ["CRLF in a name", "สมศรี\r\nX-Injected: 1", "singleLine", /line break \(U\+000D\)/],
  ["LF in a name", "สมศรี\nใจดี", "singleLine", /line break \(U\+000A\)/],
  ["LF in a file name", "a\nb.pdf", "fileName", /line break \(U\+000A\)/],
  ["line separator", "a\u2028b", "singleLine", /line break \(U\+2028\)/],
  ["paragraph separator in a comment", "a\u2029b", "multiLine", /separator other than \\n \(U\+2029\)/],
  ["vertical tab in a comment", "a\u000Bb", "multiLine", /\(U\+000B\)/],
  ["next line (NEL) in a comment", "a\u0085b", "multiLine", /\(U\+0085\)/],
  ["Hangul filler only", "\u3164", "singleLine", /at least one visible character/],
  ["blank Braille only", "\u2800 \u2800", "singleLine", /at least one visible character/],
  ["a Thai vowel with no consonant", "\u0E31", "singleLine", /at least one visible character/],
  ["a filler between spaces", "\u00A0\u3164\u3000", "multiLine", /at least one visible character/],
  ["slash in a file name", "../../etc/passwd", "fileName", /path separator \(\/\)/],
  ["backslash in a file name", "C:\\Users\\x.pdf", "fileName", /path separator \(\\\)/],
  ["dot file name", ".", "fileName", /not "\." or "\.\."/],
  ["dot-dot file name", " .. ", "fileName", /not "\." or "\.\."/],
];

describe("text safety: valid Thai and Latin text passes unchanged", () => {
  it.each(validThai)("%s", (text) => {
    // Every kind but fileName: "99/1" is an address, not a file name.
    for (const kind of ["singleLine", "multiLine"] as const) {
      expect(textProblem(normalizeText(text, kind), kind), kind).toBeUndefined();
      expect(normalizeText(text, kind)).toBe(text);
    }
  });

  it("lets multi-line text keep its line feeds", () => {
    expect(textProblem("บรรทัดแรก\nบรรทัดที่สอง\n\n- ข้อ 1", "multiLine")).toBeUndefined();
  });

  it("accepts a file name with dots, spaces and Thai", () => {
    for (const name of ["สำเนาบัตรประชาชน.pdf", "id card (1).PDF", "...pdf", "a..b.png"])
      expect(textProblem(name, "fileName"), name).toBeUndefined();
  });

  it("leaves empty and all-space values to the length bound", () => {
    expect(textProblem("", "singleLine")).toBeUndefined();
    expect(textProblem("   ", "singleLine")).toBeUndefined();
  });
});

describe("text safety: unsafe text is refused, naming the rule", () => {
  it.each(attacks)("%s", (_name, value, kind, rule) => {
    const problem = textProblem(normalizeText(value, kind), kind);
    expect(problem).toMatch(rule);
    expect(isSafeText(value, kind)).toBe(false);
  });

  it("refuses in every kind what it refuses in a single line, except a line feed", () => {
    for (const [, value] of attacks.filter(([, , k]) => k === "singleLine"))
      if (!value.includes("\n")) expect(textProblem(value, "multiLine"), JSON.stringify(value)).toBeDefined();
    expect(kindsAccepting("a\nb")).toEqual({ singleLine: false, multiLine: true, fileName: false });
  });
});

describe("text safety: normalization", () => {
  it("composes to NFC, so one text has one stored form", () => {
    const decomposed = "Cafe\u0301 ครัว";
    expect(normalizeText(decomposed, "singleLine")).toBe("Café ครัว");
    expect(normalizeText("น้ำ", "singleLine")).toBe("น้ำ"); // Thai has no composition: unchanged
  });

  it("turns CRLF and lone CR into LF in multi-line text only", () => {
    expect(normalizeText("a\r\nb\rc", "multiLine")).toBe("a\nb\nc");
    expect(normalizeText("a\r\nb", "singleLine")).toBe("a\r\nb");
    expect(textProblem(normalizeText("ข้อ 1\r\nข้อ 2", "multiLine"), "multiLine")).toBeUndefined();
  });
});

function kindsAccepting(value: string): Record<TextKind, boolean> {
  return {
    singleLine: isSafeText(value, "singleLine"),
    multiLine: isSafeText(value, "multiLine"),
    fileName: isSafeText(value, "fileName"),
  };
}
