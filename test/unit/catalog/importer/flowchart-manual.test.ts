import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  readFlowchartManual,
  usesFlowchartLayout,
} from "../../../../shared/catalog/importer/layouts/flowchart-manual";
import type { ProcessBlock } from "../../../../shared/catalog/importer/process-block";

const manual = (name: string) =>
  readFileSync(new URL(`../../../../shared/catalog/manuals/${name}`, import.meta.url), "utf8");
const text003 = manual("003_8c463c005eb33cde.txt");
const text004 = manual("004_b56cf68574dc7238.txt");
const m = readFlowchartManual(text003);

/**
 * The 17 processes of 003 as the hand-made index lists them (processes-003-004.tsv: seq, line_start,
 * name_th, steps, total, documents), with what the reader is expected to find beside them: the
 * summary's total as written, the documents of every case, and the largest single list among
 * them (the index counts one list per process). Process 4: the index adds form ข.1, which the
 * manual names in its criteria (line 589), not in the list.
 */
const index003: [number, number, string, number, string, number, number, number][] = [
  // seq, line, name, steps, total (spaces collapsed), index documents, documents read, largest list
  [1, 197, "จัดเก็บภาษีบำรุงท้องที่", 3, "5 นาที", 4, 9, 4],
  [2, 322, "จัดเก็บภาษีโรงเรือนและที่ดิน", 3, "5 นาที", 4, 4, 4],
  [3, 435, "จัดเก็บภาษีป้าย", 3, "5 นาที", 4, 4, 4],
  [4, 557, "ขออนุญาตก่อสร้างอาคาร", 4, "15 วัน/ราย", 4, 8, 3],
  [5, 608, "สนับสนุนน้ำอุปโภคบริโภค", 4, "ภายใน 3 ชั่วโมง/ราย", 2, 2, 2],
  [6, 640, "ช่วยเหลือสาธารณภัย", 5, "ทันที", 2, 2, 2],
  [7, 669, "รับแจ้งเรื่องราวร้องทุกข์", 5, "5 วัน/ราย", 2, 2, 2],
  [8, 703, "การขออนุญาตประกอบกิจการที่เป็นอันตรายต่อสุขภาพ", 4, "20 วัน/ราย", 5, 5, 5],
  [9, 777, "การขออนุญาตจัดตั้งตลาด", 4, "20 วัน/ราย", 6, 15, 6],
  [10, 844, "การขออนุญาตจัดตั้งสถานที่จำหน่ายอาหารหรือสถานที่สะสมอาหาร (พื้นที่เกิน 200 ตร.ม.)", 4, "20 วัน/ราย", 6, 11, 6],
  [11, 909, "การขออนุญาตจำหน่ายสินค้าในที่หรือทางสาธารณะ", 4, "20 วัน/ราย", 6, 9, 6],
  [12, 979, "การขออนุญาตใช้ศูนย์ประชาสัมพันธ์อุทยานบ่อน้ำร้อน", 2, "1 วัน", 0, 0, 0],
  [13, 1007, "รับแจ้งขึ้นทะเบียนผู้สูงอายุ ผู้พิการ และด้อยโอกาส", 2, "10 นาที", 4, 4, 4],
  [14, 1129, "การขอหนังสือรับรองการครอบครองที่ดินสวนยางพาราของผู้รับการสงเคราะห์", 4, "15 นาที", 2, 2, 2],
  [15, 1159, "การขอหนังสือรับรองการครอบครองที่ดินสวนยางพาราของผู้รับการสงเคราะห์", 4, "15 นาที", 2, 2, 2],
  [16, 1197, "การขึ้นทะเบียนพาณิชย์", 4, "30 นาที", 1, 1, 1],
  [17, 1316, "การจัดเก็บค่าธรรมเนียมให้บริการศูนย์ประชาสัมพันธ์อุทยานบ่อน้ำร้อน", 4, "20 นาที", 1, 1, 1],
];

const block = (seq: number): ProcessBlock => m.blocks[seq - 1]!;
const codes = (b: ProcessBlock) => b.warnings.map((w) => w.code);
const warning = (b: ProcessBlock, code: string) => b.warnings.find((w) => w.code === code);
const collapse = (s: string | undefined) => s?.replace(/\s+/g, " ").trim();

describe("003 (อบต.วังหิน) as a flowchart manual", () => {
  it("is told apart from the template layout", () => {
    expect(usesFlowchartLayout(text003)).toBe(true);
    expect(usesFlowchartLayout(text004)).toBe(false);
    expect(m.layout).toBe("flowchart");
  });

  it("takes the authority from the cover", () => {
    expect(m.authority).toEqual({ text: "องค์การบริหารส่วนตำบลวังหิน", src: 9 });
  });

  it("finds the 17 processes at the index's lines, titled as their headings", () => {
    expect(m.blocks).toHaveLength(17);
    expect(m.blocks.map((b) => b.title.src)).toEqual(index003.map((r) => r[1]));
    expect(m.blocks.map((b) => b.title.text)).toEqual(index003.map((r) => r[2]));
    for (const b of m.blocks) {
      expect(b.layout).toBe("flowchart");
      expect(b.sourceLines[0]).toBe(b.title.src - 1); // the banner
    }
    m.blocks.slice(1).forEach((b, i) => {
      expect(m.blocks[i]!.sourceLines[1]).toBeLessThan(b.sourceLines[0]);
    });
    expect(m.blocks[16]!.sourceLines[1]).toBe(1374);
  });

  it("lets no front matter into a process", () => {
    const first = m.blocks[0]!.sourceLines[0];
    expect(first).toBe(196);
    for (const b of m.blocks) {
      const srcs = [...b.steps.map((s) => s.text.src), ...b.documents.map((d) => d.text.src)];
      expect(Math.min(...srcs, Number.POSITIVE_INFINITY)).toBeGreaterThan(first);
    }
  });

  it("reads every summary: 63 stated steps, and as many boxes in every chart", () => {
    expect(m.blocks.map((b) => b.statedStepCount)).toEqual(index003.map((r) => r[3]));
    expect(m.blocks.reduce((n, b) => n + (b.statedStepCount ?? 0), 0)).toBe(63);
    expect(m.blocks.map((b) => b.steps.length)).toEqual(index003.map((r) => r[3]));
    expect(m.blocks.flatMap((b) => codes(b)).filter((c) => c === "stepCountMismatch")).toEqual([]);
    expect(m.blocks.map((b) => collapse(b.totalDuration?.text))).toEqual(index003.map((r) => r[4]));
  });

  it("pairs times with boxes by position where the chart gives them, and says so", () => {
    const timed = m.blocks.filter((b) => b.steps.every((s) => s.duration !== null));
    expect(timed.map((b) => b.title.src)).toEqual([197, 322, 435, 669, 979, 1007, 1129, 1159, 1197, 1316]);
    for (const b of timed) expect(codes(b)).toContain("stepTimesByPosition");
    const untimed = m.blocks.filter((b) => b.steps.every((s) => s.duration === null));
    expect(untimed.map((b) => b.title.src)).toEqual([557, 608, 640, 703, 777, 844, 909]);
    for (const b of untimed) expect(codes(b)).toContain("stepTimesMissing");
    expect(block(1).steps.map((s) => [s.text.text, s.duration])).toEqual([
      ["ยื่นเอกสาร", { text: "1 นาที", src: 208 }],
      ["ตรวจสอบเอกสาร", { text: "2 นาที", src: 208 }],
      ["ออกใบเสร็จ", { text: "2 นาที", src: 208 }],
    ]);
    // The rubber-plantation chart: a vowel broken onto its own line (1136) is joined back.
    expect(block(14).steps[0]!.text).toEqual({
      text: "ผู้มีอำนาจลงนามในหนังสือรับรอง  / แจ้งให้ผู้ยื่นคำขอ",
      src: 1135,
    });
    expect(block(14).steps.map((s) => collapse(s.duration?.text))).toEqual([
      "1 นาที",
      "5 นาที",
      "5 นาที",
      "4 นาที",
    ]);
    // Commercial registration: the fourth time spilled to its own line.
    expect(block(16).steps.map((s) => s.duration?.src)).toEqual([1213, 1213, 1213, 1218]);
  });

  it("reads frameless boxes, a repeated box and condition boxes", () => {
    expect(codes(block(3))).toContain("boxesUnframed");
    expect(block(3).steps.map((s) => s.text.src)).toEqual([436, 437, 438]);
    expect(warning(block(6), "boxRepeated")).toMatchObject({ src: 656 });
    for (const seq of [8, 9, 10, 11]) {
      expect(block(seq).criteria[0]?.text).toBe("กรณีคำขอและเอกสารหลักฐานไม่ถูกต้องครบถ้วนส่งคืนในคราวเดียวกัน");
      expect(block(seq).steps.some((s) => s.text.text.startsWith("กรณี"))).toBe(false);
    }
  });

  it("reports a summary the index contradicts, without settling it", () => {
    const differing = m.blocks.filter((b) => codes(b).includes("totalDiffersFromIndex"));
    expect(differing.map((b) => b.title.src)).toEqual([557, 669, 1316]);
    expect(block(4).totalDuration?.text).toBe("15  วัน/ราย");
    expect(warning(block(4), "totalDiffersFromIndex")?.detail).toContain("30 วัน/ราย");
    expect(block(17).totalDuration?.text).toBe("20  นาที");
    expect(warning(block(17), "totalDiffersFromIndex")?.detail).toContain("30  นาที / ราย");
  });

  it("matches index entries by name, keeping the index's own spelling and times", () => {
    expect(block(14).titleInIndex).toEqual({
      text: "การขอรับรองหนังสือการครอบครองที่ดินสวนยางพาราของผู้รับการสงเคราะห์",
      src: 157,
    });
    expect(block(14).indexDurations?.map((d) => d.text)).toEqual(["30 นาที / ราย", "15 นาที / ราย"]);
    expect(block(10).titleInIndex?.text).toContain("๒๐๐ ตร.ม.");
    expect(block(4).indexDurations).toHaveLength(6);
    expect(m.blocks.every((b) => b.titleInIndex !== undefined)).toBe(true);
  });

  it("keeps process 15, a copy of 14, and flags it; the index's 15 has no text", () => {
    expect(warning(block(15), "duplicateOf")).toMatchObject({ src: 1159 });
    expect(warning(block(15), "duplicateOf")?.detail).toContain("1129");
    expect(codes(block(14))).not.toContain("duplicateOf");
    expect(warning(block(15), "indexNumberDiffers")).toBeDefined();
    const orphan = m.warnings.filter((w) => w.code === "indexEntryWithoutProcess");
    expect(orphan).toHaveLength(1);
    expect(orphan[0]).toMatchObject({ src: 163 });
    expect(orphan[0]!.detail).toContain("น้ำมันเชื้อเพลิง");
  });

  it("reads the documents of every case: 81 items, the largest lists match the index (55 − 1)", () => {
    expect(m.blocks.map((b) => b.documents.length)).toEqual(index003.map((r) => r[6]));
    expect(m.blocks.reduce((n, b) => n + b.documents.length, 0)).toBe(81);
    const largest = m.blocks.map((b) => {
      const perCase = new Map<string, number>();
      for (const d of b.documents) perCase.set(d.caseLabel ?? "", (perCase.get(d.caseLabel ?? "") ?? 0) + 1);
      return Math.max(0, ...perCase.values());
    });
    expect(largest).toEqual(index003.map((r) => r[7]));
    expect(index003.reduce((n, r) => n + r[5], 0)).toBe(55);
    expect(largest.reduce((n, c) => n + c, 0)).toBe(54);
  });

  it("splits side-by-side case columns by their position on the page", () => {
    const byCase = (label: string) => block(1).documents.filter((d) => d.caseLabel === label);
    expect(byCase("กรณีชำระปกติ").map((d) => d.text.text)).toEqual(["ใบเสร็จรับเงินของปีที่ผ่านมา"]);
    expect(byCase("กรณีการประเมินใหม่").map((d) => [d.seq, d.text.src])).toEqual([
      [1, 215],
      [2, 216],
      [3, 217],
      [4, 218],
    ]);
    expect(byCase("กรณีเปลี่ยนแปลงเจ้าของที่ดิน").map((d) => d.text.text)).toEqual([
      "ใบเสร็จรับเงินของปีที่ผ่านมา",
      "เอกสารสิทธิ์ที่ดิน",
      "บัตรประจำตัวประชาชน",
      "สำเนาเอกสารสิทธิ์ที่ดิน",
    ]);
  });

  it("reads per-case blocks, and reports cross-references instead of inventing items", () => {
    const labels = [...new Set(block(9).documents.map((d) => d.caseLabel?.trim()))];
    expect(labels).toEqual(["กรณีขออนุญาตรายใหม่", "กรณีต่อใบอนุญาต", "กรณีแจ้งเลิกกิจการ", "กรณีใบอนุญาตชำรุดหรือสูญหาย"]);
    const refs = (b: ProcessBlock) =>
      b.warnings.filter((w) => w.code === "documentsByReference").map((w) => w.src);
    expect(refs(block(10))).toEqual([895, 901]);
    expect(refs(block(11))).toEqual([968, 970]);
    expect(block(10).documents.filter((d) => d.caseLabel === "กรณีขอต่ออายุใบอนุญาต")).toHaveLength(1);
    expect(warning(block(12), "documentsEmpty")).toMatchObject({ src: 997 });
    expect(block(13).documents.map((d) => d.seq)).toEqual([1, 2, 3, 4]);
  });

  it("gives fees where the process states a fee, a tax rate or a surcharge, null elsewhere", () => {
    const withFees = m.blocks.filter((b) => b.fees !== null);
    expect(withFees.map((b) => [b.title.src, b.fees?.length])).toEqual([
      [197, 13],
      [322, 1],
      [435, 12],
      [844, 1],
      [1197, 6],
      [1316, 10],
    ]);
    // The food-premises process states no fee, only the surcharge for paying it late (line 907).
    expect(block(10).fees).toEqual([{ cells: [expect.stringContaining("ร้อยละยี่สิบ")], src: 907 }]);
    expect(block(2).fees).toEqual([{ cells: ["อัตราภาษีให้เสียในอัตราร้อยละสิบสองจุดห้าของค่ารายปี"], src: 382 }]);
    expect(block(16).fees?.[0]).toEqual({ cells: ["8.1 จดทะเบียนพาณิชย์ตั้งใหม่ 50 บาท"], src: 1303 });
    expect(block(17).fees?.[0]).toEqual({ cells: ["ค่าธรรมเนียมเข้าเยี่ยมชมอุทยาน ผู้ใหญ่", "10  บาท"], src: 1347 });
    expect(
      block(17)
        .fees?.slice(6)
        .map((f) => collapse(f.cells[1])),
    ).toEqual(["15 บาท", "10 บาท", "5 บาท", "10 บาท"]);
    expect(block(17).fees?.every((f) => f.cells.length === 2)).toBe(true);
    // The health-hazard licence states only a 20 % surcharge on a fee it never gives.
    expect(block(8).fees).toBeNull();
  });

  it("reports a rate table lost to an image", () => {
    expect(warning(block(3), "imageLost")).toMatchObject({ src: 487 });
    expect(warning(block(3), "listMissing")).toMatchObject({ src: 498 });
  });

  it("keeps prose sections as extra information under their headings", () => {
    const headings = block(1).extraInfo.map((e) => e.heading);
    expect(headings).toEqual(expect.arrayContaining(["เงินเพิ่ม", "บทกำหนดโทษ", "การอุทธรณ์ การฟ้องศาล"]));
    const penalties = block(1).extraInfo.find((e) => e.heading === "บทกำหนดโทษ");
    expect(penalties?.text.src).toBe(292);
    expect(penalties?.text.text.split("\n")).toHaveLength(4);
    expect(block(16).extraInfo.map((e) => e.heading)).toContain("7. บทกำหนดโทษ");
    for (const b of m.blocks) {
      expect(b.serviceChannels).toEqual([]);
      expect(b.complaintChannels).toEqual([]);
      expect(b.reductionStatus).toBeNull();
    }
  });

  it("reports conversion residue where it stands", () => {
    const all = [...m.warnings, ...m.blocks.flatMap((b) => b.warnings)];
    const at = (code: string) => all.filter((w) => w.code === code).map((w) => w.src);
    expect(at("bookmark")).toEqual([136, 1301]);
    expect(at("imageLost")).toEqual([487]);
    expect(at("escapedCharacter")).toEqual([243]);
    expect(at("splitVowel")).toEqual([1136, 1166]);
  });
});
