/**
 * Numbers written in Thai words, as manuals write rates in prose ("ร้อยละยี่สิบ" = 20 %,
 * "ร้อยละสิบสองจุดห้า" = 12.5 %). Only what such prose needs: units up to ล้าน and one decimal tail.
 */

const digitWords: [string, number][] = [
  ["ศูนย์", 0],
  ["หนึ่ง", 1],
  ["เอ็ด", 1],
  ["สอง", 2],
  ["ยี่", 2],
  ["สาม", 3],
  ["สี่", 4],
  ["ห้า", 5],
  ["หก", 6],
  ["เจ็ด", 7],
  ["แปด", 8],
  ["เก้า", 9],
];

const placeWords: [string, number][] = [
  ["ล้าน", 1_000_000],
  ["แสน", 100_000],
  ["หมื่น", 10_000],
  ["พัน", 1_000],
  ["ร้อย", 100],
  ["สิบ", 10],
];

function wordAt(text: string, at: number, words: [string, number][]): [string, number] | null {
  return words.find(([w]) => text.startsWith(w, at)) ?? null;
}

/**
 * The number spelled at the start of `text` and how many characters it takes; null when the text does
 * not start with a number word. "ร้อยละ" is not a number (the caller strips it first).
 */
export function thaiNumberWordPrefix(text: string): { value: number; length: number } | null {
  let at = 0;
  let total = 0;
  let pending: number | null = null;
  let read = false;
  while (at < text.length) {
    const digit = wordAt(text, at, digitWords);
    if (digit && pending === null) {
      pending = digit[1];
      at += digit[0].length;
      read = true;
      continue;
    }
    const place = wordAt(text, at, placeWords);
    if (place) {
      // "สิบ" alone is ten; "ร้อยละ" is the percent word, not a hundred.
      if (place[0] === "ร้อย" && text.startsWith("ร้อยละ", at)) break;
      total += (pending ?? 1) * place[1];
      pending = null;
      at += place[0].length;
      read = true;
      continue;
    }
    break;
  }
  if (!read) return null;
  total += pending ?? 0;
  if (text.startsWith("จุด", at)) {
    let decimals = "";
    let after = at + "จุด".length;
    for (let d = wordAt(text, after, digitWords); d; d = wordAt(text, after, digitWords)) {
      decimals += String(d[1]);
      after += d[0].length;
    }
    if (decimals) return { value: Number(`${total}.${decimals}`), length: after };
  }
  return { value: total, length: at };
}

/** A percentage as written after "ร้อยละ": Arabic/Thai digits or words. */
export function percentIn(text: string): { value: number; raw: string } | null {
  const m = text.match(/ร้อยละ\s*/);
  if (!m || m.index === undefined) return null;
  const after = text.slice(m.index + m[0].length);
  const digits = after.match(/^\d+(?:\.\d+)?/);
  if (digits) return { value: Number(digits[0]), raw: m[0] + digits[0] };
  const word = thaiNumberWordPrefix(after);
  return word ? { value: word.value, raw: m[0] + after.slice(0, word.length) } : null;
}
