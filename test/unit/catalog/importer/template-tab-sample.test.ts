import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  readTemplateManual,
  usesTemplateLayout,
} from "../../../../shared/catalog/importer/layouts/template-manual";
import type { ProcessBlock } from "../../../../shared/catalog/importer/process-block";

/**
 * A manual the reader never saw in pipe form: a fictional municipality's cover, announcement and
 * two-column contents, five processes adapted from 004 with TAB-separated tables (Thai digits,
 * HTML, LaTeX and bold left in cells, headers repeated under page footers), then the Act's text.
 */

const text = readFileSync(
  new URL("../../../fixtures/manuals/template-tab-sample.txt", import.meta.url),
  "utf8",
);
const m = readTemplateManual(text);
const block = (k: number): ProcessBlock => m.blocks[k - 1]!;
const srcs = (items: { src: number }[]) => items.map((i) => i.src);

describe("TAB-separated template manual", () => {
  it("is the template, with its authority and five processes", () => {
    expect(usesTemplateLayout(text)).toBe(true);
    expect(m.authority).toEqual({ text: "เทศบาลตำบลบ้านโคกงาม", src: 6 });
    expect(m.blocks.map((b) => [b.sourceLines, b.title.text])).toEqual([
      [[28, 67], "การแจ้งถมดิน"],
      [[71, 111], "การขอใบอนุญาตประกอบกิจการที่เป็นอันตรายต่อสุขภาพ"],
      [[115, 150], "การออกใบอนุญาตประกอบกิจการสถานีบริการน้ำมัน (ระยะที่ ๒ : ขั้นตอนออกใบอนุญาต)"],
      [[154, 188], "การชำระภาษีบำรุงท้องที่"],
      [[190, 217], "การลงทะเบียนและยื่นคำขอรับเงินเบี้ยยังชีพผู้สูงอายุ"],
    ]);
  });

  it("leaves the announcement, contents and the Act's text (220-230) out of every process", () => {
    expect(m.warnings).toEqual([
      { code: "backMatter", src: 220, detail: "8 lines after process 5 belong to no process" },
    ]);
    const texts = m.blocks.flatMap((b) => [
      ...b.criteria,
      ...b.criteriaNotes,
      ...b.complaintChannels,
      ...b.extraInfo.map((e) => e.text),
    ]);
    expect(texts.every((t) => t.src >= 28 && t.src <= 217)).toBe(true);
    expect(texts.some((t) => /มาตรา ๗|ประกาศ ณ วันที่/.test(t.text))).toBe(false);
    expect(m.blocks.every((b) => !b.warnings.some((w) => w.src >= 218))).toBe(true);
  });

  it("reads the contents column by column and matches each process to its entry", () => {
    expect(m.blocks.map((b) => b.titleInIndex?.src)).toEqual([22, 23, 24, 22, 23]);
    expect(block(3).titleInIndex?.text).toBe("การออกใบอนุญาตประกอบกิจการสถานีบริการน้ำมัน ระยะที่ ๒ ขั้นตอนออกใบอนุญาต");
    expect(block(4).titleInIndex?.text).toBe("การชำระภาษีบำรุงท้องที่");
  });

  it("counts steps, totals, documents, fees and complaint channels per process", () => {
    expect(
      m.blocks.map((b) => [
        b.steps.length,
        b.totalDuration?.text ?? null,
        b.documents.length,
        b.fees?.length ?? null,
        b.complaintChannels.length,
      ]),
    ).toEqual([
      [3, "ระยะเวลาดำเนินการรวม ๗ วัน", 5, 1, 3],
      [5, "ระยะเวลาดำเนินการรวม 30 วัน", 4, 1, 2],
      [3, "ระยะเวลาดำเนินการรวม 30 วันทำการ", 4, 2, 2],
      [3, "ระยะเวลาดำเนินการรวม ๑๐ นาที", 4, 1, 2],
      [2, "ระยะเวลาดำเนินการรวม 30 นาที", 3, null, 2],
    ]);
    expect(m.blocks.every((b) => b.documents.every((d, i) => d.seq === i + 1))).toBe(true);
    expect(m.blocks.every((b) => b.steps.every((s, i) => s.seq === i + 1))).toBe(true);
  });

  it("earth filling: Thai-digit cells kept raw, a document table split by a page footer merged", () => {
    const b = block(1);
    expect(b.steps.map((s) => [s.seq, s.text.src, s.duration?.text])).toEqual([
      [1, 44, "๑ วัน"],
      [2, 45, "๕ วัน"],
      [3, 46, "๑ วัน"],
    ]);
    expect(b.steps[0]?.text.text).toMatch(/^\*\*ประเภทการตรวจสอบเอกสาร\*\* ผู้แจ้งยื่นเอกสาร/);
    expect(srcs(b.documents.map((d) => d.text))).toEqual([51, 52, 53, 58, 59]);
    expect(b.warnings.map((w) => [w.code, w.src])).toEqual([
      ["pageFurniture", 55],
      ["tableSplit", 57],
      ["pageFurniture", 69],
    ]);
    expect(b.fees).toEqual([{ cells: ["ค่าธรรมเนียมต่อฉบับ ฉบับละ ๕๐๐ บาท", "๕๐๐ บาท"], src: 62 }]);
    expect(b.criteria.map((c) => c.src)).toEqual([35, 36, 37, 39, 41]);
    expect(b.criteria[1]?.text).toBe(
      "- 1.1 การดำเนินการถมดินนั้นจะต้องเป็นการดำเนินการในท้องที่ที่พระราชบัญญัติการขุดดินและถมดินใช้บังคับ",
    );
  });

  it("health hazard: a note, steps split by a page footer with the header repeated, a prose fee", () => {
    const b = block(2);
    expect(b.criteriaNotes.map((n) => n.src)).toEqual([86]);
    expect(b.steps.map((s) => [s.text.src, s.duration?.text])).toEqual([
      [89, "15 นาที"],
      [90, "1 ชั่วโมง"],
      [95, "20 วัน"],
      [96, "8 วัน"],
      [97, "1 วัน"],
    ]);
    expect(b.steps[1]?.text.text).toMatch(/^<p>ประเภทการตรวจสอบเอกสาร/);
    expect(b.fees).toHaveLength(1);
    expect(b.fees?.[0]?.cells[0]).toMatch(/^ค่าธรรมเนียม อัตราค่าธรรมเนียมใบอนุญาต.*ไม่เกิน ๑๐,๐๐๐ บาท/);
    expect(b.serviceChannels[0]?.place.text).toMatch(/^<p>ที่ทำการเทศบาลตำบลบ้านโคกงาม/);
  });

  it("fuel licence: a two-line title, numbered channel rows, a fee table with a number column", () => {
    const b = block(3);
    expect(b.title.src).toBe(115);
    expect(b.serviceChannels.map((c) => c.place.src)).toEqual([120, 121]);
    expect(b.serviceChannels[0]?.hours?.text).toMatch(/08:30 - 16:30 น\.$/);
    expect(b.serviceChannels[1]?.hours?.text).toMatch(/08:30 - 15\.30 น\.$/);
    expect(b.criteria[1]?.text).toContain("$fc > 65 \\text{ ksc.}$");
    expect(b.criteriaNotes.map((n) => n.src)).toEqual([128, 129]);
    expect(b.fees).toEqual([
      { cells: ["ค่าธรรมเนียมใบอนุญาตประกอบกิจการควบคุมประเภทที่ 3", "200 บาท"], src: 145 },
      {
        cells: [
          "ค่าธรรมเนียมการอนุญาตให้ใช้ภาชนะบรรจุน้ำมัน เป็นไปตามกฎกระทรวงกำหนดอัตราค่าธรรมเนียม พ.ศ. 2556",
          "0 บาท",
        ],
        src: 146,
      },
    ]);
  });

  it("land tax: the reduction status line, documents over a page break", () => {
    const b = block(4);
    expect(b.reductionStatus).toEqual({ text: "ยังไม่ผ่านการดำเนินการลดขั้นตอน", src: 172 });
    expect(srcs(b.documents.map((d) => d.text))).toEqual([175, 176, 181, 182]);
    expect(b.steps.map((s) => s.duration?.text)).toEqual(["๒ นาที", "๕ นาที", "๓ นาที"]);
  });

  it("elderly allowance: no fee section (null, reported), the seasonal line kept", () => {
    const b = block(5);
    expect(b.fees).toBeNull();
    expect(b.warnings).toContainEqual(expect.objectContaining({ code: "noFeeSection", src: 190 }));
    expect(b.extraInfo[0]?.text).toEqual({ text: "(ระยะเวลาเปิดให้บริการ ๑ – ๓๐ พฤศจิกายน ของทุกปี)", src: 194 });
    expect(b.criteria.map((c) => c.text)).toEqual([
      "หลักเกณฑ์",
      expect.stringMatching(/^ผู้มีสิทธิจะได้รับเงินเบี้ยยังชีพผู้สูงอายุ/),
    ]);
  });
});
