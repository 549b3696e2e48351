import { createHash } from "node:crypto";
import { problems } from "../../domain/errors";
import { decodePageCursor, encodePageCursor, notDecoded } from "../../domain/page-cursor";

/**
 * The catalog list's page cursor: base64url of `{ v, a, f }` — version, the id the previous page
 * ended at (pages are in id order, so a position survives entries added or removed between pages),
 * and a digest of the filters and search it was issued for (a position under other filters would
 * silently skip entries). Not signed: the catalog is public, so a cursor grants nothing.
 */
const version = 1;
const licenseTypeId = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The filters a cursor is bound to, in a canonical form (see `filterDigest`). */
export type CursorFilter = Record<string, string | undefined>;

export function filterDigest(filter: CursorFilter): string {
  const canonical = Object.keys(filter)
    .sort()
    .filter((k) => filter[k] !== undefined)
    .map((k) => [k, filter[k]]);
  return createHash("sha256").update(JSON.stringify(canonical)).digest("base64url").slice(0, 16);
}

export function encodeCatalogCursor(afterId: string, filter: CursorFilter): string {
  return encodePageCursor({ v: version, a: afterId, f: filterDigest(filter) });
}

/** The id a cursor points after; INVALID_CURSOR (400) for anything this module did not write. */
export function decodeCatalogCursor(cursor: string, filter: CursorFilter): string {
  const payload = decodePageCursor(cursor, 512);
  if (!isPayload(payload)) throw notDecoded();
  if (payload.f !== filterDigest(filter))
    throw problems.invalidCursor({
      en: "The cursor was issued for other filters or another search",
      th: "ตัวชี้หน้านี้ออกให้กับตัวกรองหรือคำค้นอื่น",
    });
  return payload.a;
}

function isPayload(p: unknown): p is { v: number; a: string; f: string } {
  if (typeof p !== "object" || p === null || Array.isArray(p)) return false;
  const { v, a, f, ...extra } = p as Record<string, unknown>;
  return (
    Object.keys(extra).length === 0 &&
    v === version &&
    typeof a === "string" &&
    a.length <= 100 &&
    licenseTypeId.test(a) &&
    typeof f === "string"
  );
}
