import { describe, expect, it } from "vitest";
import {
  readFlowchartManual,
  usesFlowchartLayout,
} from "../../../../shared/catalog/importer/layouts/flowchart-manual";

/**
 * A flowchart manual written for this test: another authority, Thai digits in the index, the
 * headings, the times and the lists, and two processes that 003 does not have. Nothing in the
 * reader may depend on 003's names, numbers or lines.
 */
const lines = [
  "คำนำ", // 1
  "", // 2
  "เทศบาลตำบลหนองบัว", // 3
  "", // 4
  "กระบวนงานบริการของเทศบาลตำบลหนองบัว", // 5
  "จำนวน  ๒  กระบวนงาน", // 6
  "\tที่", // 7
  "\tกระบวนงานบริการประชาชน", // 8
  "\t๑", // 9
  "\tการขออนุญาตตั้งแผงจำหน่ายสินค้าริมทาง", // 10
  "\t๕ วัน/ราย", // 11
  "\t๓ วัน/ราย", // 12
  "", // 13
  "\t๒", // 14
  "\tการขอใช้ลานกีฬาชุมชน", // 15
  "\t๒ วัน/ราย", // 16
  "\t๗ วัน/ราย", // 17
  "", // 18
  "แผนผังแสดงขั้นตอนและระยะเวลาการปฏิบัติราชการเพื่อบริการประชาชน", // 19
  "(กระบวนงานที่  ๑  การขออนุญาตตั้งแผงจำหน่ายสินค้าริมทาง)", // 20
  " (", // 21
  "รับคำขอ", // 22
  "และตรวจเอกสาร", // 23
  ") (", // 24
  "ออกใบอนุญาต", // 25
  ")\t\t\t", // 26
  "\t( ๑ วัน)\t( ๒ วัน)", // 27
  "สรุป กระบวนงานบริการ  ๒  ขั้นตอน  รวมระยะเวลา  ๓  วัน/ราย", // 28
  "เพื่อความสะดวก เอกสารที่ต้องนำมา", // 29
  "\t๑. สำเนาบัตรประจำตัวประชาชน", // 30
  "\t๒. แผนผังที่ตั้งแผง", // 31
  "", // 32
  "ค่าธรรมเนียมใบอนุญาต", // 33
  "\t๑. แผงขนาดไม่เกิน ๒ ตารางเมตร ฉบับละ ๑๐๐ บาท", // 34
  "", // 35
  "บทกำหนดโทษ", // 36
  "\tผู้ใดตั้งแผงโดยไม่ได้รับอนุญาต ต้องระวางโทษปรับไม่เกิน ๒,๐๐๐ บาท", // 37
  "แผนผังแสดงขั้นตอนและระยะเวลาการปฏิบัติราชการเพื่อบริการประชาชน", // 38
  "(กระบวนงานที่  ๒  การขอใช้ลานกีฬาชุมชน)", // 39
  " (", // 40
  "ยื่นคำขอใช้ลาน", // 41
  ") (", // 42
  "อนุมัติการใช้ลาน", // 43
  ")", // 44
  "สรุป กระบวนงานบริการ  ๓  ขั้นตอน  ระยะเวลา  ๒  วัน", // 45
  "เพื่อความสะดวก เอกสารที่ต้องนำมา", // 46
  "กรณีบุคคลธรรมดา", // 47
  "\t๑. สำเนาบัตรประจำตัวประชาชน", // 48
  "กรณีนิติบุคคล เช่นเดียวกับการขออนุญาตตั้งแผงจำหน่ายสินค้าริมทาง", // 49
];
const text = `${lines.join("\n")}\n`;
const m = readFlowchartManual(text);
const [stall, court] = m.blocks;

describe("a flowchart manual the reader has never seen", () => {
  it("is recognised and read from its own cover and index", () => {
    expect(usesFlowchartLayout(text)).toBe(true);
    expect(m.authority).toEqual({ text: "เทศบาลตำบลหนองบัว", src: 3 });
    expect(m.blocks).toHaveLength(2);
    expect(m.warnings.filter((w) => w.code.startsWith("index"))).toEqual([]);
    expect(stall?.titleInIndex).toEqual({ text: "การขออนุญาตตั้งแผงจำหน่ายสินค้าริมทาง", src: 10 });
    expect(stall?.indexDurations?.map((d) => d.text)).toEqual(["๕ วัน/ราย", "๓ วัน/ราย"]);
  });

  it("reads the first process: boxes, Thai-digit times, summary, documents, fee, penalty", () => {
    expect(stall?.title).toEqual({ text: "การขออนุญาตตั้งแผงจำหน่ายสินค้าริมทาง", src: 20 });
    expect(stall?.sourceLines).toEqual([19, 37]);
    expect(stall?.statedStepCount).toBe(2);
    expect(stall?.totalDuration).toEqual({ text: "๓  วัน/ราย", src: 28 });
    expect(stall?.steps).toEqual([
      { seq: null, text: { text: "รับคำขอและตรวจเอกสาร", src: 22 }, duration: { text: "๑ วัน", src: 27 } },
      { seq: null, text: { text: "ออกใบอนุญาต", src: 25 }, duration: { text: "๒ วัน", src: 27 } },
    ]);
    expect(stall?.documents.map((d) => [d.seq, d.text.text, d.text.src])).toEqual([
      [1, "สำเนาบัตรประจำตัวประชาชน", 30],
      [2, "แผนผังที่ตั้งแผง", 31],
    ]);
    expect(stall?.fees).toEqual([{ cells: ["๑. แผงขนาดไม่เกิน ๒ ตารางเมตร ฉบับละ ๑๐๐ บาท"], src: 34 }]);
    expect(stall?.extraInfo.map((e) => [e.heading, e.text.src])).toEqual([["บทกำหนดโทษ", 37]]);
    expect(stall?.warnings.map((w) => w.code)).toEqual(["stepTimesByPosition"]);
  });

  it("reports the second process's gaps and contradictions instead of filling them", () => {
    expect(court?.title.text).toBe("การขอใช้ลานกีฬาชุมชน");
    expect(court?.sourceLines).toEqual([38, 49]);
    expect(court?.steps.map((s) => s.duration)).toEqual([null, null]);
    expect(court?.fees).toBeNull();
    expect(court?.documents).toEqual([
      { seq: 1, text: { text: "สำเนาบัตรประจำตัวประชาชน", src: 48 }, caseLabel: "กรณีบุคคลธรรมดา" },
    ]);
    const codes = court?.warnings.map((w) => [w.code, w.src]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ["stepTimesMissing", 41],
        ["stepCountMismatch", 41],
        ["documentsByReference", 49],
        ["totalDiffersFromIndex", 45],
      ]),
    );
  });
});
