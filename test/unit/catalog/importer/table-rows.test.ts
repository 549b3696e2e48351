import { describe, expect, it } from "vitest";
import {
  classifyLine,
  numberedCells,
  pipeCells,
  tabCells,
} from "../../../../shared/catalog/importer/layouts/table-rows";

const line = (text: string) => classifyLine({ n: 7, text });

describe("table rows", () => {
  it("cuts pipe rows and TAB rows into the same cells", () => {
    expect(pipeCells("| 1 | บัตรประจำตัวประชาชน | 1 วัน |")).toEqual(["1", "บัตรประจำตัวประชาชน", "1 วัน"]);
    expect(pipeCells("| | ช่องทางการร้องเรียน |")).toEqual(["", "ช่องทางการร้องเรียน"]);
    expect(tabCells("1\tบัตรประจำตัวประชาชน\t\t1 วัน")).toEqual(["1", "บัตรประจำตัวประชาชน", "1 วัน"]);
    expect(tabCells("\t\tภูมิพลอดุลยเดช ป.ร.")).toBeNull();
    expect(tabCells("ไม่มีแท็บ")).toBeNull();
  });

  it("tells separators, empty stubs, rows and prose apart", () => {
    expect(line("|---|:--|----------|").kind).toBe("separator");
    expect(line("| | | |").kind).toBe("stub");
    expect(line("| 1 | x |").kind).toBe("row");
    expect(line("ระยะเวลาดำเนินการรวม ๗ วัน")).toMatchObject({
      kind: "prose",
      clean: "ระยะเวลาดำเนินการรวม 7 วัน",
    });
    expect(line(" \u00A0\t ").kind).toBe("blank");
  });

  it("takes the number from its own cell or from the start of the text", () => {
    expect(numberedCells(line("| ๓ | ประเภทการพิจารณา | 5 วัน |"))).toEqual({
      seq: 3,
      fused: false,
      rest: ["ประเภทการพิจารณา", "5 วัน"],
    });
    expect(numberedCells(line("| <p>1. ประเภทการตรวจสอบเอกสาร | 15 นาที |"))).toEqual({
      seq: 1,
      fused: true,
      rest: ["<p>1. ประเภทการตรวจสอบเอกสาร", "15 นาที"],
    });
    expect(numberedCells(line("| | ประเภทการตรวจสอบเอกสาร | 30 นาที |")).seq).toBeNull();
  });
});
