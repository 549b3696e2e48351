import { problems } from "../errors";
import { decodePageCursor, encodePageCursor, notDecoded } from "../page-cursor";
import type { QueuePosition } from "./queue";
import type { ApplicationStatus } from "./status";

/**
 * The officer queue's page cursor: base64url of `{ v, s, d, i }` — version, the status filter it was
 * issued for, and the last row's due time and id. Every partition the queue merges is sorted on
 * (due time, id), which no two rows share, so that one position is every partition's position.
 *
 * Not signed, because it grants nothing: the store reads only the caller's own partitions (their
 * agency and assigned license types, from the token and the directory), so an edited or borrowed
 * cursor can only skip ahead in the caller's own queue. It is bound to the status filter, because a
 * position taken from another filter would silently skip rows of this one.
 */
export interface QueueCursorFilter {
  status?: ApplicationStatus | undefined;
}

const version = 1;
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ulid = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export function encodeQueueCursor(last: QueuePosition, filter: QueueCursorFilter): string {
  return encodePageCursor({ v: version, s: filter.status ?? null, d: last.dueAt, i: last.id });
}

/** The position a cursor points after; INVALID_CURSOR (400) for anything this module did not write. */
export function decodeQueueCursor(cursor: string, filter: QueueCursorFilter): QueuePosition {
  const payload = decodePageCursor(cursor, 1024);
  if (!isPayload(payload)) throw notDecoded();
  if (payload.s !== (filter.status ?? null))
    throw problems.invalidCursor({
      en: "The cursor was issued for another status filter",
      th: "ตัวชี้หน้านี้ออกให้กับตัวกรองสถานะอื่น",
    });
  return { dueAt: payload.d, id: payload.i };
}

function isPayload(p: unknown): p is { v: number; s: string | null; d: string | null; i: string } {
  if (typeof p !== "object" || p === null || Array.isArray(p)) return false;
  const { v, s, d, i, ...extra } = p as Record<string, unknown>;
  return (
    Object.keys(extra).length === 0 &&
    v === version &&
    (s === null || typeof s === "string") &&
    (d === null || (typeof d === "string" && isoInstant.test(d) && isRealInstant(d))) &&
    typeof i === "string" &&
    ulid.test(i)
  );
}

/** "2026-02-30T…" matches the pattern but is no instant; a round trip through Date tells. */
function isRealInstant(s: string): boolean {
  const t = Date.parse(s);
  return Number.isFinite(t) && new Date(t).toISOString() === s;
}
