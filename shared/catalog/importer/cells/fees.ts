import type { Fee } from "../../schema";
import { cleanText } from "../manual-text";
import type { BlockFee, ImportWarning } from "../process-block";
import { percentIn } from "./number-words";

/**
 * A process's fee rows (MANUALS.md §4), one fee per row so every fee keeps its row's text and line.
 * No section at all is unknown (null), never free; a row that states nothing usable is reported, not
 * turned into a fee.
 */

type Kind = Fee["kind"];

/** "2,050 บาท", "500บาท"; a last amount without its unit (004 line 246) is caught by `bareAmounts`. */
const bahtAmount = /(ไม่เกิน\s*)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*บาท/g;
/** A cell that is only a number (the amount column without "บาท"). */
const bareAmount = /^\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*$/;
/** A regulation the amount is taken from. */
const citesRule = /เป็นไปตาม|ตามข้อ\s*\d+|กฎกระทรวง|ระเบียบ|ข้อบัญญัติ|เทศบัญญัติ|ข้อกำหนดของท้องถิ่น|พระราชบัญญัติ|พ\.ร\.บ\./;
const computed = /คำนวณ|คูณ|อัตราภาษี|\s=\s/;
/** Words that make a percentage a penalty for paying late rather than a rate. */
const lateWords = /เพิ่ม|ค่าปรับ|ค้างชำระ|ล่าช้า|เกินกำหนด|ไม่ชำระ/;

/** What the amount is counted per, normalized ("/ปี" → "ต่อปี"; the typo ครึ่งละ → ครั้งละ). */
const perWords: [RegExp, string][] = [
  [/ฉบับละ|ต่อฉบับ|\/ฉบับ/, "ฉบับละ"],
  [/ครั้งละ|ครึ่งละ|ต่อครั้ง|\/ครั้ง/, "ครั้งละ"],
  [/ชุดละ/, "ชุดละ"],
  [/คำขอละ|ค่าขอละ/, "คำขอละ"],
  [/คันละ/, "คันละ"],
  [/ต่อปี|\/ปี|ปีละ/, "ต่อปี"],
  [/ต่อเดือน|เดือนละ|รายเดือน|\/เดือน/, "ต่อเดือน"],
  [/ต่อวัน|วันละ|\/วัน/, "ต่อวัน"],
  [/เมตรละ|ลูกบาศก์เมตรละ/, "ต่อลูกบาศก์เมตร"],
];

function perOf(text: string, src: number, warnings: ImportWarning[]): string | undefined {
  if (/ครึ่งละ/.test(text)) warnings.push({ code: "feeTypo", src, detail: '"ครึ่งละ" read as ครั้งละ' });
  const per = perWords.filter(([p]) => p.test(text)).map(([, word]) => word);
  return per.length > 0 ? per.join(" ") : undefined;
}

const toNumber = (text: string) => Number(text.replace(/,/g, ""));

function parseRow(row: BlockFee, warnings: ImportWarning[]): Fee | string {
  const src = row.src;
  const raw = row.cells.join(" | ");
  const cells = row.cells.map(cleanText).filter(Boolean);
  // A leading cell that is only the row's number is not an amount.
  if (cells.length > 1 && /^\d+\.?$/.test(cells[0] ?? "")) cells.shift();
  const text = cells.join(" ").replace(/^\d+\s+(?=ค่า)/, "");
  if (!text) return "empty fee row";

  const amounts = [...text.matchAll(bahtAmount)].map((m) => ({
    value: toNumber(m[2] ?? ""),
    cap: Boolean(m[1]),
  }));
  const lastCell = cells[cells.length - 1] ?? "";
  const bare = cells.length > 1 ? lastCell.match(bareAmount) : null;
  if (bare?.[1]) amounts.push({ value: toNumber(bare[1]), cap: false });

  const fee = (kind: Kind, extra: Partial<Fee> = {}): Fee => {
    const f: Fee = { kind, raw, src, ...extra };
    const per = perOf(text, src, warnings);
    if (per && f.per === undefined) f.per = per;
    return f;
  };

  const percent = percentIn(text);
  if (percent) {
    return lateWords.test(text)
      ? fee("surcharge", { percent: percent.value })
      : fee("formula", { percent: percent.value });
  }
  if (computed.test(text)) return fee("formula");

  const distinct = [...new Set(amounts.map((a) => a.value))];
  if (citesRule.test(text) && distinct.every((v) => v === 0) && !amounts.some((a) => a.cap)) {
    if (distinct.length > 0) {
      warnings.push({
        code: "zeroMeansSeeRegulation",
        src,
        detail: "0 บาท beside a cited regulation: see it, not free",
      });
    }
    return fee("byReference");
  }
  if (distinct.length === 0) return `no amount, rate or reference in "${text.slice(0, 80)}"`;

  const caps = amounts.filter((a) => a.cap).map((a) => a.value);
  const capsDistinct = [...new Set(caps)];
  const plain = amounts.filter((a) => !a.cap).map((a) => a.value);
  if (capsDistinct.length === 1 && (distinct.length === 1 || (distinct.length === 2 && plain.length === 1))) {
    if (plain.length > 0) {
      // The market licence prints the cap, then an amount in the amount column (004 line 2566): the
      // cap is what the law sets, the amount may be this locality's rate or a copy of the cap.
      warnings.push({
        code: "capAndAmount",
        src,
        detail: `cap ${capsDistinct[0]} บาท, amount column ${plain[0]} บาท`,
      });
    }
    return fee("cap", { maxTHB: capsDistinct[0] });
  }
  if (distinct.length === 1) return fee("fixed", { amountTHB: distinct[0] });
  // Several amounts in one row: by size, category or item. All of them caps: the largest still bounds it.
  const schedule = fee("schedule");
  if (caps.length === amounts.length) schedule.maxTHB = Math.max(...caps);
  return schedule;
}

export function parseFees(rows: BlockFee[] | null): {
  fees: Fee[] | null;
  warnings: ImportWarning[];
  ambiguous: string | null;
} {
  if (rows === null) return { fees: null, warnings: [], ambiguous: null };
  const warnings: ImportWarning[] = [];
  const fees: Fee[] = [];
  const unclear: string[] = [];
  for (const row of rows) {
    const parsed = parseRow(row, warnings);
    if (typeof parsed === "string") {
      unclear.push(`line ${row.src}: ${parsed}`);
      warnings.push({ code: "feeUnclear", src: row.src, detail: parsed });
    } else {
      fees.push(parsed);
    }
  }
  if (rows.length === 0) unclear.push("a fee section without rows");
  return { fees, warnings, ambiguous: unclear.length > 0 ? unclear.join("; ") : null };
}
