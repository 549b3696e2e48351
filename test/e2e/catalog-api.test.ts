import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalStack, startLocalStack } from "../../infra/local/local-stack";
import { allLicenseTypes } from "../../shared/catalog";
import type { LicenseType } from "../../shared/catalog/schema";
import {
  type LicenseTypeSummary,
  licenseTypeDetailSchema,
  licenseTypePageSchema,
} from "../../shared/schemas/catalog";
import { formValidator, fullForm } from "../support/form-samples";

/**
 * Issue 15 §4 over HTTP: a generic client lists, filters, searches and pages the catalog, and
 * reads every listed type's detail, whose form is a JSON Schema it can validate with (ajv here).
 * Data-driven: no id, count or name is assumed but the two entries the search is about.
 */
describe("the catalog API, as a generic client uses it", () => {
  let stack: LocalStack;
  const catalog = allLicenseTypes();

  beforeAll(async () => {
    stack = await startLocalStack({ port: 0 });
  });
  afterAll(() => stack?.stop());

  async function get(path: string, headers: Record<string, string> = {}) {
    const res = await fetch(`${stack.url}${path}`, { headers });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: text ? JSON.parse(text) : undefined };
  }

  async function page(query: Record<string, string>) {
    const res = await get(`/catalog/license-types?${new URLSearchParams(query)}`);
    expect(res.status, res.text).toBe(200);
    return licenseTypePageSchema.parse(res.json);
  }

  async function everyPage(query: Record<string, string>) {
    const items: LicenseTypeSummary[] = [];
    let cursor: string | null = null;
    let pages = 0;
    let total: number | undefined;
    do {
      const p = await page({ ...query, ...(cursor ? { cursor } : {}) });
      items.push(...p.items);
      total ??= p.total;
      expect(p.total, "the same total on every page").toBe(total);
      cursor = p.nextCursor;
      if (++pages > catalog.length + 2) throw new Error("the pages do not end");
    } while (cursor);
    expect(items.length).toBe(total);
    return { items, pages };
  }

  it("pages through the whole catalog, each entry once, in a stable order", async () => {
    const limit = Math.max(1, Math.ceil(catalog.length / 3));
    const { items, pages } = await everyPage({ limit: String(limit) });
    expect(items.map((i) => i.id)).toEqual(catalog.map((t) => t.id));
    expect(pages).toBe(Math.ceil(catalog.length / limit));
    expect((await page({})).total).toBe(catalog.length);
    expect((await page({})).items.length).toBe(Math.min(20, catalog.length));
  });

  it("filters by agency, category, case type and family", async () => {
    const filters: [string, (t: LicenseType) => string][] = [
      ["authority", (t) => t.agencyId],
      ["category", (t) => t.category],
      ["caseType", (t) => t.caseType],
      ["family", (t) => t.family],
    ];
    for (const [name, of] of filters)
      for (const value of new Set(catalog.map(of))) {
        const { items } = await everyPage({ [name]: value, limit: "100" });
        expect(
          items.map((i) => i.id),
          `${name}=${value}`,
        ).toEqual(catalog.filter((t) => of(t) === value).map((t) => t.id));
      }
  });

  it("searches Thai names whatever the spacing, and English names by word", async () => {
    const ids = async (q: string) => (await everyPage({ q, limit: "100" })).items.map((i) => i.id);
    expect(await ids("อาหาร")).toContain("food-premises-over-200sqm-klong-dan");
    expect(await ids("อาหาร")).not.toContain("signboard-tax-klong-dan");
    for (const q of ["ป้าย", "ภาษีป้าย", " ภาษี  ป้าย "])
      expect(await ids(q), q).toContain("signboard-tax-klong-dan");
    expect(await ids("FOOD")).toContain("food-premises-over-200sqm-klong-dan");
    expect(await ids("ยานอวกาศ")).toEqual([]);
  });

  it("pages a search by cursor, and refuses that cursor with another search", async () => {
    const first = await page({ q: "อาหาร", limit: "1" });
    const { items } = await everyPage({ q: "อาหาร", limit: "1" });
    expect(items.length).toBe(first.total);
    if (first.nextCursor) {
      const other = await get(
        `/catalog/license-types?${new URLSearchParams({ q: "ป้าย", cursor: first.nextCursor })}`,
      );
      expect(other.status).toBe(400);
      expect(other.json.code).toBe("INVALID_CURSOR");
    }
  });

  it("answers 304 with no body to a client that has the current version, list and detail", async () => {
    for (const path of ["/catalog/license-types?limit=5", `/catalog/license-types/${catalog[0]!.id}`]) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("public, max-age=300");
      const etag = res.headers.get("etag")!;
      expect(etag).toMatch(/^"[^"]+"$/);
      const again = await get(path, { "if-none-match": etag });
      expect(again.status, path).toBe(304);
      expect(again.text).toBe("");
      expect(again.headers.get("etag")).toBe(etag);
      expect((await get(path, { "if-none-match": '"old"' })).status).toBe(200);
    }
  });

  it.each([
    ["limit=0", "INVALID_REQUEST"],
    ["limit=101", "INVALID_REQUEST"],
    ["category=spaceflight", "INVALID_REQUEST"],
    ["authority=sao-atlantis", "INVALID_REQUEST"],
    [`q=${encodeURIComponent("ก".repeat(101))}`, "INVALID_REQUEST"],
    ["cursor=eyJ2IjoxLCJhIjoieCIsImYiOiJ5In0", "INVALID_CURSOR"],
    ["cursor=not*base64", "INVALID_CURSOR"],
    ["sort=name", "UNKNOWN_FIELDS"],
  ])("refuses %s with 400 %s, in Thai and English", async (query, code) => {
    const res = await get(`/catalog/license-types?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(res.json).toMatchObject({ code, status: 400, title: expect.any(String) });
    expect(res.json.titleTh).toMatch(/[\u0E01-\u0E5B]/);
    expect(res.headers.get("etag")).toBeNull();
  });

  it("answers 404 for an unknown id", async () => {
    const res = await get("/catalog/license-types/no-such-license");
    expect(res.status).toBe(404);
    expect(res.json.code).toBe("LICENSE_TYPE_NOT_FOUND");
  });

  it("gives every listed type's detail, whose form is a JSON Schema a validator compiles", async () => {
    const ajv = formValidator();
    const { items } = await everyPage({ limit: "100" });
    expect(items.length).toBe(catalog.length);
    for (const item of items) {
      const res = await get(`/catalog/license-types/${item.id}`);
      expect(res.status, item.id).toBe(200);
      const detail = licenseTypeDetailSchema.parse(res.json);
      expect(detail).toMatchObject({
        id: item.id,
        nameTh: item.nameTh,
        agency: item.agency,
        family: item.family,
      });
      expect(ajv.validateSchema(detail.formSchema), item.id).toBe(true);
      const validate = ajv.compile(detail.formSchema);
      const entry = catalog.find((t) => t.id === item.id)!;
      expect(validate(fullForm(entry)), `${item.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(validate({ ...fullForm(entry), notAField: 1 }), item.id).toBe(false);
      expect(detail.documents.map((d) => d.key)).toEqual(entry.manual.documents.map((d) => d.key));
      expect(detail.steps.length).toBe(entry.manual.steps.length);
    }
  });

  it("describes both routes, their query and their answers in the OpenAPI document", async () => {
    const doc = (await get("/openapi.json")).json as {
      paths: Record<string, { get: { parameters?: { name: string }[]; responses: Record<string, unknown> } }>;
    };
    const list = doc.paths["/catalog/license-types"]!.get;
    expect(list.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        "authority",
        "category",
        "caseType",
        "family",
        "q",
        "limit",
        "cursor",
        "If-None-Match",
      ]),
    );
    for (const op of [list, doc.paths["/catalog/license-types/{id}"]!.get]) {
      expect(op.responses).toHaveProperty("304");
      expect(JSON.stringify(op.responses["2XX"])).toMatch(/"properties"/);
    }
  });
});
