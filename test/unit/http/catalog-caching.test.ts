import { describe, expect, it } from "vitest";
import { handler as getLicenseType } from "../../../functions/api/catalog/get-license-type";
import { handler as listLicenseTypes } from "../../../functions/api/catalog/list-license-types";
import { allLicenseTypes } from "../../../shared/catalog";
import { etagOf, ifNoneMatchHolds } from "../../../shared/http/cacheable";
import { apiEvent, context } from "../../support/api-event";

/** Issue 15 §4: the catalog's answers carry a strong ETag and Cache-Control; a matching If-None-Match gets 304. */
const anyId = allLicenseTypes()[0]!.id;

async function get(
  handler: typeof listLicenseTypes,
  init: {
    path: string;
    query?: Record<string, string>;
    params?: Record<string, string>;
    ifNoneMatch?: string;
  },
) {
  const event = apiEvent({
    method: "GET",
    path: init.path,
    claims: null,
    ...(init.query ? { queryStringParameters: init.query } : {}),
    ...(init.params ? { pathParameters: init.params } : {}),
  });
  if (init.ifNoneMatch !== undefined) event.headers["if-none-match"] = init.ifNoneMatch;
  const res = await handler(event, context);
  return { status: res.statusCode, headers: res.headers ?? {}, body: res.body ?? "" };
}

describe("the ETag", () => {
  it("is a strong tag of the body: the same body the same tag, another body another", () => {
    expect(etagOf('{"a":1}')).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(etagOf('{"a":1}')).toBe(etagOf('{"a":1}'));
    expect(etagOf('{"a":1}')).not.toBe(etagOf('{"a":2}'));
  });

  it.each([
    ["the tag", (t: string) => t, true],
    ["the tag among others", (t: string) => `"x", ${t} ,"y"`, true],
    ["the tag marked weak (If-None-Match compares weakly)", (t: string) => `W/${t}`, true],
    ["*", () => "*", true],
    ["another tag", () => '"other"', false],
    ["the tag without quotes", (t: string) => t.slice(1, -1), false],
  ])("If-None-Match with %s matches: %s", (_name, header, holds) => {
    const tag = etagOf("body");
    expect(ifNoneMatchHolds(header(tag), tag)).toBe(holds);
  });
});

describe.each([
  ["the list", listLicenseTypes, { path: "/catalog/license-types", query: { limit: "3" } }],
  ["a detail", getLicenseType, { path: `/catalog/license-types/${anyId}`, params: { id: anyId } }],
] as const)("%s", (_name, handler, request) => {
  it("is cacheable for five minutes, tagged with the hash of its body", async () => {
    const res = await get(handler, request);
    expect(res.status).toBe(200);
    expect(res.headers["cache-control"]).toBe("public, max-age=300");
    expect(res.headers.etag).toBe(etagOf(res.body));
    expect((await get(handler, request)).headers.etag).toBe(res.headers.etag);
  });

  it("answers 304 without a body to the current tag, and 200 to an old one", async () => {
    const { headers } = await get(handler, request);
    const notModified = await get(handler, { ...request, ifNoneMatch: String(headers.etag) });
    expect(notModified).toMatchObject({ status: 304, body: "" });
    expect(notModified.headers).toMatchObject({ etag: headers.etag, "cache-control": "public, max-age=300" });
    expect((await get(handler, { ...request, ifNoneMatch: '"stale"' })).status).toBe(200);
  });
});

describe("the catalog routes' errors", () => {
  it("answers 404 LICENSE_TYPE_NOT_FOUND for an unknown id, with no cache headers", async () => {
    const res = await get(getLicenseType, { path: "/catalog/license-types/nope", params: { id: "nope" } });
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ code: "LICENSE_TYPE_NOT_FOUND" });
    expect(res.headers.etag).toBeUndefined();
  });

  it.each([
    [{ limit: "0" }, "INVALID_REQUEST"],
    [{ category: "spaceflight" }, "INVALID_REQUEST"],
    [{ q: "ก".repeat(101) }, "INVALID_REQUEST"],
    [{ cursor: "forged" }, "INVALID_CURSOR"],
    [{ sort: "name" }, "UNKNOWN_FIELDS"],
  ])("answers 400 to %j with %s in Thai and English", async (query, code) => {
    const res = await get(listLicenseTypes, { path: "/catalog/license-types", query });
    expect(res.status).toBe(400);
    const problem = JSON.parse(res.body);
    expect(problem).toMatchObject({ code, status: 400 });
    expect(problem.title).toMatch(/\w/);
    expect(problem.titleTh).toMatch(/[\u0E01-\u0E5B]/);
  });
});
