import { describe, expect, it } from "vitest";
import { allLicenseTypes } from "../../../shared/catalog";
import type { LicenseType } from "../../../shared/catalog/schema";
import { matchesSearch, parseSearchQuery, searchKey } from "../../../shared/catalog/search";

/**
 * Issue 15 §4: `q` finds Thai names written without spaces between words, whatever spacing the
 * query or the manual uses, and English names by word, in any case. Checked against the catalog
 * as it is (whatever its size) and against a naive reference over the same texts.
 */
const types = allLicenseTypes();
const search = (q: string) => {
  const query = parseSearchQuery(q);
  if (!query) throw new Error(`nothing to search in ${JSON.stringify(q)}`);
  return types.filter((t) => matchesSearch(t, query)).map((t) => t.id);
};
/** The reference: Thai name or title, with every space removed, contains the text. */
const thaiHolds = (t: LicenseType, text: string) =>
  [t.nameTh, t.manual.title].some((s) => s.replace(/\s+/g, "").includes(text));

describe("a Thai search", () => {
  it("finds every type whose Thai name or title speaks of food (อาหาร), the food premises among them", () => {
    const found = search("อาหาร");
    expect(found).toContain("food-premises-over-200sqm-klong-dan");
    expect(found).toContain("food-premises-over-200sqm-wang-hin");
    expect(found).toEqual(types.filter((t) => thaiHolds(t, "อาหาร")).map((t) => t.id));
    expect(found).not.toContain("signboard-tax-klong-dan");
  });

  it("finds the signboard tax by ป้าย, and only types that mention signs", () => {
    const found = search("ป้าย");
    expect(found).toContain("signboard-tax-klong-dan");
    expect(found).toEqual(types.filter((t) => thaiHolds(t, "ป้าย")).map((t) => t.id));
    expect(found).not.toContain("food-premises-over-200sqm-klong-dan");
  });

  it.each([
    "ภาษีป้าย",
    "ภาษี ป้าย",
    "  ภาษี   ป้าย ",
    "ภาษี\u200Bป้าย",
    "รับชำระภาษี",
    "รับช\u0E4D\u0E32ระภาษี", // ำ typed as nikhahit + sara aa
    "ป้าย ภาษี", // terms in another order
  ])("finds the signboard tax by %j (spacing, invisible characters, typing variants)", (q) => {
    expect(search(q)).toContain("signboard-tax-klong-dan");
  });

  it("matches across the manual's own spacing (สถานที่ สะสมอาหาร in a title)", () => {
    expect(search("สถานที่สะสมอาหาร")).toContain("food-premises-over-200sqm-klong-dan");
    expect(search("สถาน ที่สะสม")).toContain("food-premises-over-200sqm-klong-dan");
  });

  it("needs every term: food and signs together match neither", () => {
    expect(search("อาหาร ป้าย")).toEqual(
      types.filter((t) => thaiHolds(t, "อาหาร") && thaiHolds(t, "ป้าย")).map((t) => t.id),
    );
  });

  it("finds nothing for a word no type has", () => {
    expect(search("ยานอวกาศ")).toEqual([]);
  });
});

describe("an English search", () => {
  const englishHolds = (t: LicenseType, word: string) =>
    t.nameEn
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .some((w) => w.startsWith(word));

  it.each(["food", "FOOD", "Food"])("finds the food types by %j, in any case", (q) => {
    const found = search(q);
    expect(found).toContain("food-premises-over-200sqm-klong-dan");
    expect(found).toEqual(types.filter((t) => englishHolds(t, "food")).map((t) => t.id));
  });

  it("matches the start of words (sign → Signboard), every word of the query", () => {
    expect(search("sign")).toContain("signboard-tax-klong-dan");
    expect(search("signboard tax")).toContain("signboard-tax-klong-dan");
    expect(search("signboard food")).toEqual([]);
  });

  it("does not match inside a word", () => {
    expect(search("oard")).not.toContain("signboard-tax-klong-dan");
  });
});

describe("the search key", () => {
  it("ignores spaces, punctuation, case and invisible characters", () => {
    expect(searchKey(" ภาษี ป้าย (ภ.ป.1) ")).toBe(searchKey("ภาษีป้ายภป1"));
    expect(searchKey("Food\u00A0Sale")).toBe("foodsale");
    expect(searchKey("ป้าย\u200B\u200Dภาษี")).toBe(searchKey("ป้ายภาษี"));
  });

  it("folds ำ typed in two characters, and Thai marks typed in either order", () => {
    expect(searchKey("น\u0E49\u0E33")).toBe(searchKey("น\u0E4D\u0E49\u0E32"));
    expect(searchKey("กั้น")).toBe(searchKey("ก\u0E49\u0E31น"));
  });

  it("has nothing to search in spaces or punctuation only", () => {
    expect(parseSearchQuery("   ")).toBeNull();
    expect(parseSearchQuery("(.)-")).toBeNull();
    expect(parseSearchQuery("\u200B")).toBeNull();
  });
});
