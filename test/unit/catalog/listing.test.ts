import { describe, expect, it } from "vitest";
import { agencies, allLicenseTypes } from "../../../shared/catalog";
import { encodeCatalogCursor } from "../../../shared/catalog/public/cursor";
import { listLicenseTypes } from "../../../shared/catalog/public/listing";
import { DomainError } from "../../../shared/domain/errors";
import { type CatalogListQuery, catalogListQuerySchema } from "../../../shared/schemas/catalog";

/**
 * Issue 15 §4: the catalog list filters, pages by an opaque cursor in a stable order and counts
 * the matches; whatever the catalog holds, walking the pages gives every match exactly once.
 */
const types = allLicenseTypes();
const query = (q: Record<string, string>) => catalogListQuerySchema.parse(q);
const list = (q: Record<string, string>) => listLicenseTypes(types, query(q));

function walk(q: Record<string, string>) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = list({ ...q, ...(cursor ? { cursor } : {}) });
    expect(page.items.length).toBeLessThanOrEqual(Number(q.limit ?? 20));
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
    if (++pages > types.length + 2) throw new Error("the pages do not end");
  } while (cursor);
  return { ids, pages };
}

const idOrder = (ids: string[]) => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

describe("paging", () => {
  it.each(["1", "2", "3", "7", "20", "100"])("with limit %s walks every entry once, in id order", (limit) => {
    const { ids, pages } = walk({ limit });
    expect(ids).toEqual(idOrder(types.map((t) => t.id)));
    expect(pages).toBe(Math.max(1, Math.ceil(types.length / Number(limit))));
  });

  it("gives 20 a page by default, the total of matches on every page, and no cursor on the last", () => {
    const first = list({});
    expect(first.items.length).toBe(Math.min(20, types.length));
    expect(first.total).toBe(types.length);
    expect(first.nextCursor === null).toBe(types.length <= 20);
    const last = list({ limit: "100" });
    expect(last.nextCursor).toBeNull();
  });

  it("continues after the last id seen, even if that entry is gone or new ones came", () => {
    const page = list({ limit: "2" });
    const removed = types.filter((t) => t.id !== page.items[1]!.id);
    const next = listLicenseTypes(removed, query({ limit: "2", cursor: page.nextCursor! }));
    expect(next.items.map((i) => i.id)).toEqual(idOrder(types.map((t) => t.id)).slice(2, 4));
  });

  it("pages within a filter and a search, bound to them", () => {
    const q = { q: "อาหาร", limit: "1" };
    const { ids } = walk(q);
    expect(ids).toEqual(list({ q: "อาหาร", limit: "100" }).items.map((i) => i.id));
    const cursor = list(q).nextCursor;
    if (cursor) {
      // Another spacing of the same search is the same search.
      expect(list({ q: " อาหาร ", limit: "1", cursor }).items).toEqual(list({ ...q, cursor }).items);
      expect(() => list({ q: "ป้าย", limit: "1", cursor })).toThrow(/other filters/);
      expect(() => list({ limit: "1", cursor })).toThrow(/other filters/);
    }
  });
});

describe("a forged cursor", () => {
  const problemCode = (q: Record<string, string>) => {
    try {
      list(q);
    } catch (e) {
      return e instanceof DomainError ? `${e.code} ${e.kind}` : String(e);
    }
    return "accepted";
  };
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const valid = encodeCatalogCursor(types[0]!.id, {});
  const payload = JSON.parse(Buffer.from(valid, "base64url").toString()) as Record<string, unknown>;

  it.each([
    ["not base64url", "abc$%"],
    ["not JSON", Buffer.from("hello").toString("base64url")],
    ["another version", b64({ ...payload, v: 2 })],
    ["an extra member", b64({ ...payload, x: 1 })],
    ["an id that is no id", b64({ ...payload, a: "../../etc" })],
    ["another filter's digest", b64({ ...payload, f: "AAAAAAAAAAAAAAAA" })],
    ["no digest", b64({ v: payload.v, a: payload.a })],
    ["an array", b64([payload])],
  ])("is refused: %s", (_name, cursor) => {
    expect(problemCode({ cursor })).toBe("INVALID_CURSOR validation");
  });

  it("is accepted when this module wrote it", () => {
    expect(problemCode({ cursor: valid })).toBe("accepted");
  });
});

describe("filters", () => {
  const filters: [keyof CatalogListQuery, (t: (typeof types)[number]) => string][] = [
    ["authority", (t) => t.agencyId],
    ["category", (t) => t.category],
    ["caseType", (t) => t.caseType],
    ["family", (t) => t.family],
  ];

  it.each(filters)("%s: exactly the entries with that value, for every value the catalog has", (name, of) => {
    for (const value of new Set(types.map(of))) {
      const page = list({ [name]: value, limit: "100" });
      expect(page.items.map((i) => i.id)).toEqual(types.filter((t) => of(t) === value).map((t) => t.id));
      expect(page.total).toBe(page.items.length);
    }
  });

  it("combines filters and search (all must hold)", () => {
    const t = types[0]!;
    const page = list({ authority: t.agencyId, caseType: t.caseType, category: t.category, limit: "100" });
    expect(page.items.map((i) => i.id)).toContain(t.id);
    for (const item of page.items)
      expect(item).toMatchObject({ agency: { id: t.agencyId }, caseType: t.caseType, category: t.category });
  });

  it("accepts an agency that has no type yet, with an empty page", () => {
    const idle = agencies.find((a) => !types.some((t) => t.agencyId === a.id));
    if (idle) expect(list({ authority: idle.id })).toEqual({ items: [], nextCursor: null, total: 0 });
  });
});

describe("the summary", () => {
  it("names the agency, and gives the law's time limit where there is one, else the manual's total", () => {
    for (const item of list({ limit: "100" }).items) {
      const t = types.find((x) => x.id === item.id)!;
      expect(item.agency.id).toBe(t.agencyId);
      const expected = t.manual.legalTimeLimit ?? t.manual.totalDuration;
      expect(item.timeLimit === null ? null : { ...item.timeLimit, basis: undefined }).toEqual(
        expected === null ? null : { ...expected, basis: undefined },
      );
      if (item.timeLimit) expect(item.timeLimit.basis).toBe(t.manual.legalTimeLimit ? "law" : "manualTotal");
      expect(item.fee === null).toBe(t.manual.fees === null);
    }
  });
});

describe("the query", () => {
  it.each([
    ["limit 0", { limit: "0" }],
    ["limit 101", { limit: "101" }],
    ["limit 1.5", { limit: "1.5" }],
    ["limit abc", { limit: "abc" }],
    ["an unknown category", { category: "spaceflight" }],
    ["an unknown agency", { authority: "sao-atlantis" }],
    ["an unknown case type", { caseType: "renewal" }],
    ["an unknown family", { family: "lottery" }],
    ["a q of 101 characters", { q: "ก".repeat(101) }],
    ["a q of spaces only", { q: "   " }],
    ["an empty q", { q: "" }],
    ["a cursor of 513 characters", { cursor: "a".repeat(513) }],
    ["a parameter it does not define", { sort: "name" }],
  ])("refuses %s", (_name, q) => {
    expect(catalogListQuerySchema.safeParse(q).success).toBe(false);
  });

  it("takes every filter at once", () => {
    expect(
      catalogListQuerySchema.parse({
        authority: types[0]!.agencyId,
        category: "tax",
        caseType: "new",
        family: "license",
        q: "ป้าย",
        limit: "100",
      }),
    ).toMatchObject({ limit: 100, q: "ป้าย" });
  });
});
