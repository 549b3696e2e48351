import { createHash } from "node:crypto";
import type { ApiEvent, ApiResult } from "./api-handler";

/**
 * Public, cacheable answers (the catalog): a strong `ETag` (a hash of the exact body sent) and
 * `Cache-Control`, and `304 Not Modified` without a body when the client's `If-None-Match` names
 * the current tag. The body is serialised here once, the same way apiHandler sends it.
 */
export const catalogCacheControl = "public, max-age=300";

export function etagOf(json: string): string {
  return `"${createHash("sha256").update(json).digest("base64url")}"`;
}

/**
 * RFC 9110 §13.1.2: `*` matches any current representation; otherwise a comma-separated list of
 * tags, compared weakly (a `W/` prefix is ignored), as If-None-Match requires.
 */
export function ifNoneMatchHolds(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => opaque(tag) === opaque(etag));
}

export function cacheableResult(
  event: Pick<ApiEvent, "headers">,
  body: unknown,
  cacheControl = catalogCacheControl,
): ApiResult {
  const etag = etagOf(JSON.stringify(body));
  const headers = { etag, "cache-control": cacheControl };
  if (ifNoneMatchHolds(event.headers?.["if-none-match"], etag)) return { status: 304, headers };
  return { body, headers };
}
