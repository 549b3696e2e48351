import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  readTemplateManual,
  usesTemplateLayout,
} from "../../../../shared/catalog/importer/layouts/template-manual";
import type { Located, ProcessBlock } from "../../../../shared/catalog/importer/process-block";

/**
 * 004 (อบต.คลองด่าน) read whole by the template reader, checked against an index of its 75 process
 * blocks made by hand (title line, name, step and document counts; test/fixtures/manuals/
 * 004-process-index.tsv), and against values read off the manual's lines.
 */

const manual = (name: string) =>
  readFileSync(new URL(`../../../../shared/catalog/manuals/${name}`, import.meta.url), "utf8");
const text004 = manual("004_b56cf68574dc7238.txt");
const text003 = manual("003_8c463c005eb33cde.txt");
const m = readTemplateManual(text004);
const block = (seq: number): ProcessBlock => m.blocks[seq - 1]!;

interface IndexRow {
  seq: number;
  lineStart: number;
  steps: number;
  documents: number;
  name: string;
}
const index: IndexRow[] = readFileSync(
  new URL("../../../fixtures/manuals/004-process-index.tsv", import.meta.url),
  "utf8",
)
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [seq, lineStart, steps, documents, name] = line.split("\t");
    return {
      seq: Number(seq),
      lineStart: Number(lineStart),
      steps: Number(steps),
      documents: Number(documents),
      name: name!,
    };
  });

/** Every Located a block holds, to check that none comes from outside the block. */
function everyLocated(b: ProcessBlock): Located[] {
  return [
    b.title,
    ...b.serviceChannels.flatMap((c) => (c.hours ? [c.place, c.hours] : [c.place])),
    ...b.criteria,
    ...b.criteriaNotes,
    ...b.steps.flatMap((s) => (s.duration ? [s.text, s.duration] : [s.text])),
    ...(b.totalDuration ? [b.totalDuration] : []),
    ...(b.reductionStatus ? [b.reductionStatus] : []),
    ...b.documents.map((d) => d.text),
    ...(b.fees ?? []).map((f) => ({ text: f.cells.join(" "), src: f.src })),
    ...b.complaintChannels,
    ...b.extraInfo.map((e) => e.text),
  ];
}

describe("layout detection", () => {
  it("knows the template by its headings, not by its table syntax", () => {
    expect(usesTemplateLayout(text004)).toBe(true);
    // 003 runs the criteria heading's words into a paragraph (lines 1087, 1100) and has no steps table.
    expect(usesTemplateLayout(text003)).toBe(false);
    expect(readTemplateManual(text003).blocks).toHaveLength(0);
  });
});

describe("004 boundaries", () => {
  it("finds the cover's authority and 75 blocks", () => {
    expect(m.layout).toBe("templateTable");
    expect(m.authority).toEqual({ text: "องค์การบริหารส่วนตำบลคลองด่าน", src: 9 });
    expect(index).toHaveLength(75);
    expect(m.blocks).toHaveLength(75);
  });

  it("starts every block at the index's title line with the index's name", () => {
    expect(m.blocks.map((b) => [b.sourceLines[0], b.title.src, b.title.text])).toEqual(
      index.map((r) => [r.lineStart, r.lineStart, r.name]),
    );
  });

  it("joins a title printed over two lines (1057 and 1059)", () => {
    expect(block(20).title).toEqual({
      text: "การออกใบอนุญาตประกอบกิจการสถานีบริการน้ำมัน (ระยะที่ 2 : ขั้นตอนออกใบอนุญาต)",
      src: 1057,
    });
    expect(block(20).warnings).toContainEqual(expect.objectContaining({ code: "titleWraps", src: 1059 }));
  });

  it("keeps every value inside its block and the front matter (lines 1-91) out", () => {
    m.blocks.forEach((b, k) => {
      const next = m.blocks[k + 1]?.sourceLines[0] ?? 4027;
      expect(b.sourceLines[1]).toBeLessThan(next);
      for (const l of everyLocated(b)) {
        expect(l.src).toBeGreaterThanOrEqual(b.sourceLines[0]);
        expect(l.src).toBeLessThanOrEqual(b.sourceLines[1]);
      }
    });
    expect(Math.min(...m.blocks.flatMap((b) => everyLocated(b).map((l) => l.src)))).toBe(92);
    expect(block(75).sourceLines).toEqual([3990, 4025]);
    // The foreword quotes the Act (line 27); it stays out.
    const all = m.blocks.flatMap(everyLocated).map((l) => l.text);
    expect(all.some((t) => t.includes("ผู้อนุญาตจะต้องจัดทำคู่มือสำหรับประชาชน"))).toBe(false);
  });
});

describe("004 sections over the whole manual", () => {
  it("reads 286 steps, as many per block as the index", () => {
    expect(m.blocks.map((b) => b.steps.length)).toEqual(index.map((r) => r.steps));
    expect(m.blocks.reduce((n, b) => n + b.steps.length, 0)).toBe(286);
    // 2346: the commercial registration's first step has an empty number cell: seq stays unknown.
    const unnumbered = m.blocks.flatMap((b, k) =>
      b.steps.flatMap((s, i) => (s.seq === i + 1 ? [] : [[k + 1, s.seq, s.text.src]])),
    );
    expect(unnumbered).toEqual([[43, null, 2346]]);
    expect(m.blocks.every((b) => b.steps.every((s) => s.duration !== null))).toBe(true);
  });

  it("reads the stated total in 73 blocks, none for the water connection and the replacement licence", () => {
    const missing = m.blocks.flatMap((b, k) => (b.totalDuration ? [] : [k + 1]));
    expect(missing).toEqual([3, 25]);
    for (const seq of missing)
      expect(block(seq).warnings).toContainEqual(expect.objectContaining({ code: "noTotalDuration" }));
  });

  it("reads 663 documents, as many per block as the index, numbering continued over split tables", () => {
    expect(m.blocks.map((b) => b.documents.length)).toEqual(index.map((r) => r.documents));
    expect(m.blocks.reduce((n, b) => n + b.documents.length, 0)).toBe(663);
    expect(m.blocks.every((b) => b.documents.every((d, i) => d.seq === i + 1))).toBe(true);
  });

  it("leaves fees null (unknown) in exactly the 20 blocks without a fee section", () => {
    const noFees = m.blocks.flatMap((b, k) => (b.fees === null ? [k + 1] : []));
    expect(noFees).toEqual([7, 19, 21, 23, 24, 26, 27, 29, 30, 55, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75]);
  });

  it("reads complaint channels in every block but the truncated infectious-waste one (55)", () => {
    expect(m.blocks.flatMap((b, k) => (b.complaintChannels.length === 0 ? [k + 1] : []))).toEqual([55]);
    expect(m.blocks.reduce((n, b) => n + b.complaintChannels.length, 0)).toBe(238);
  });

  it("reads a service channel in every block, and matches 74 contents entries to 75 blocks", () => {
    expect(m.blocks.every((b) => b.serviceChannels.length > 0)).toBe(true);
    expect(m.blocks.every((b) => b.titleInIndex)).toBe(true);
    expect(new Set(m.blocks.map((b) => b.titleInIndex)).size).toBe(74);
    expect(m.warnings).toEqual([]);
  });
});

describe("004 processes read off the manual", () => {
  it("earth filling (92-146): 3 steps, 7 days, 11 documents, a 500-baht fee, 4 complaint channels", () => {
    const b = block(1);
    expect(b.sourceLines).toEqual([92, 146]);
    expect(b.steps[0]?.seq).toBe(1);
    expect(b.steps[0]?.text.src).toBe(117);
    expect(b.steps[0]?.text.text).toMatch(/^ประเภทการตรวจสอบเอกสาร ผู้แจ้งยื่นเอกสารแจ้งการถมดิน/);
    expect(b.steps.map((s) => s.duration?.text)).toEqual(["1 วัน", "5 วัน", "1 วัน"]);
    expect(b.totalDuration).toEqual({ text: "ระยะเวลาดำเนินการรวม 7 วัน", src: 121 });
    expect(b.documents[0]?.text).toEqual({
      text: "บัตรประจำตัวประชาชน (สำเนา 1 ฉบับ) เอกสารยืนยันตัวตน",
      src: 125,
    });
    expect(b.fees).toEqual([{ cells: ["ค่าธรรมเนียมต่อฉบับ ฉบับละ 500 บาท", "500 บาท"], src: 139 }]);
    expect(b.complaintChannels.map((c) => c.src)).toEqual([143, 144, 145, 146]);
    expect(b.serviceChannels).toHaveLength(1);
    expect(b.serviceChannels[0]?.place.src).toBe(96);
    expect(b.criteria[0]?.src).toBe(100);
    expect(b.titleInIndex).toEqual({ text: "การแจ้งถมดิน", src: 43 });
  });

  it("land tax (1648-1694): minutes, a document table split at 1684, a fee formula as one prose cell", () => {
    const b = block(31);
    expect(b.steps.map((s) => [s.seq, s.text.src, s.duration?.text])).toEqual([
      [1, 1673, "2 นาที"],
      [2, 1674, "5 นาที"],
      [3, 1675, "3 นาที"],
    ]);
    expect(b.totalDuration).toEqual({ text: "ระยะเวลาดำเนินการรวม 10 นาที", src: 1677 });
    expect(b.documents.map((d) => d.text.src)).toEqual([1681, 1682, 1686, 1687]);
    expect(b.warnings).toContainEqual(expect.objectContaining({ code: "tableSplit", src: 1684 }));
    expect(b.fees).toHaveLength(1);
    expect(b.fees?.[0]?.src).toBe(1689);
    expect(b.fees?.[0]?.cells[0]).toMatch(/^ค่าธรรมเนียม คำนวณจากราคาปานกลางของที่ดิน/);
    expect(b.complaintChannels.map((c) => c.src)).toEqual([1693, 1694]);
  });

  it("fuel transfer (942): two numbered channel rows, notes before the steps", () => {
    const b = block(18);
    expect(b.serviceChannels.map((c) => [c.place.src, c.hours?.src])).toEqual([
      [946, 946],
      [947, 947],
    ]);
    // The place cell holds its own hours ("15.30 น."), the hours cell 08:30 - 16:30: kept as printed.
    expect(b.serviceChannels[0]?.place.text).toContain("15.30 น.");
    expect(b.serviceChannels[0]?.hours?.text).toMatch(/08:30 - 16:30 น\. \(มีพักเที่ยง\)$/);
    expect(b.serviceChannels[1]?.place.text).toMatch(/^ที่ทำการองค์การบริหารส่วนตำบลคลองด่าน/);
    expect(b.criteriaNotes.map((n) => n.src)).toEqual([953, 955, 957, 959]);
    expect(b.fees).toEqual([{ cells: ["ค่าธรรมเนียมใบอนุญาตประกอบกิจการควบคุมประเภทที่ 3", "200 บาท"], src: 983 }]);
  });

  it("merges steps split by page breaks and keeps a number fused into the step cell", () => {
    expect(block(6).steps.map((s) => [s.seq, s.text.src])).toEqual([
      [1, 390],
      [2, 391],
      [3, 395],
      [4, 396],
    ]);
    expect(block(6).warnings).toContainEqual(expect.objectContaining({ code: "seqFusedInCell", src: 390 }));
    expect(block(56).steps.map((s) => s.text.src)).toEqual([3057, 3061, 3062, 3063, 3067]);
    expect(block(56).criteriaNotes.map((n) => n.src)).toEqual([3053]);
    // 3500: a headerless continuation "| | | |" between step 1 and step 2.
    expect(block(64).steps.map((s) => s.text.src)).toEqual([3498, 3502, 3503, 3504, 3505]);
    expect(block(64).warnings).toContainEqual(expect.objectContaining({ code: "emptyRow", src: 3500 }));
    expect(block(3).warnings).toContainEqual(
      expect.objectContaining({ code: "headerInWrongCells", src: 229 }),
    );
  });

  it("reports the health-hazard page printed inside the general-waste block (2985-2996), not merged", () => {
    const b = block(54);
    expect(b.documents).toHaveLength(8);
    expect(b.fees?.map((f) => f.src)).toEqual([2978]);
    expect(b.complaintChannels.map((c) => c.src)).toEqual([2982, 2983]);
    expect(b.warnings.filter((w) => w.code !== "tableSplit").map((w) => [w.code, w.src])).toEqual([
      ["strayPage", 2985],
      ["secondFeeSection", 2991],
      ["secondComplaintSection", 2993],
    ]);
  });

  it("ends the infectious-waste block after its total and reports what it lacks", () => {
    const b = block(55);
    expect(b.sourceLines).toEqual([2998, 3031]);
    expect(b.totalDuration).toEqual({ text: "ระยะเวลาดำเนินการรวม 30 วัน", src: 3031 });
    expect(b.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(["noDocuments", "noFeeSection", "noComplaintChannels"]),
    );
  });

  it("reads reduction statuses with and without their heading, and a complaints header inside a table", () => {
    expect(block(7).reductionStatus).toEqual({ text: "ยังไม่ผ่านการดำเนินการลดขั้นตอน", src: 447 });
    expect(block(24).reductionStatus).toEqual({ text: "การลดขั้นตอน", src: 1317 });
    expect(block(66).reductionStatus?.src).toBe(3614);
    expect(m.blocks.filter((b) => b.reductionStatus).length).toBe(8);
    // 3619: "| | ช่องทางการร้องเรียน |" right under document 1, no separator row.
    expect(block(66).documents.map((d) => d.text.src)).toEqual([3618]);
    expect(block(66).complaintChannels.map((c) => c.src)).toEqual([3620, 3621]);
  });

  it("keeps the loose seasonal line under a channel table (3939) as extra information", () => {
    expect(block(74).extraInfo).toEqual([
      {
        heading: "สถานที่ / ช่องทางการให้บริการ",
        text: { text: "(ระยะเวลาเปิดให้บริการ 1 – 30 พฤศจิกายน ของทุกปี)", src: 3939 },
      },
    ]);
  });

  it("matches contents titles fuzzily, the process printed twice reported once", () => {
    expect(block(11).titleInIndex?.text).toBe("การแจ้งดัดแปลงอาคารตามมาตรา 39 ทวิ");
    expect(block(25).titleInIndex?.text).toBe("การออกใบแทนใบอนุญาตประกอบกิจการสถานีบริการน้ำมัน");
    expect(block(44).titleInIndex?.text).toBe("การโฆษณาด้วยการปิด รั้ว หรือโปรยแผ่นประกาศ หรือใบปลิวในที่สาธารณะ");
    expect(block(14).titleInIndex).toEqual({ text: "การขออนุญาตเคลื่อนย้ายอาคาร", src: 55 });
    expect(block(6).titleInIndex).toEqual(block(14).titleInIndex);
    const duplicates = m.blocks.flatMap((b) => b.warnings.filter((w) => w.code === "duplicateProcess"));
    expect(duplicates.map((w) => w.src)).toEqual([378]);
  });
});
