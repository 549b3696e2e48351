import { problems } from "./errors";

/**
 * The opaque page cursors of the lists (the officer queue, the catalog): base64url of a small JSON
 * payload. Not signed, because a cursor grants nothing; each list checks the payload's shape and
 * that it was issued for the same filters.
 */
export function encodePageCursor(payload: object): string {
  return Buffer.from(JSON.stringify(payload)).toString("base64url");
}

/** The payload of a cursor, still to be checked by its list; INVALID_CURSOR (400) if it does not decode. */
export function decodePageCursor(cursor: string, maxLength: number): unknown {
  if (cursor.length > maxLength || !/^[A-Za-z0-9_-]+$/.test(cursor))
    throw problems.invalidCursor({ en: "The cursor is not base64url", th: "ตัวชี้หน้าไม่ใช่ base64url" });
  try {
    return JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw notDecoded();
  }
}

export const notDecoded = () =>
  problems.invalidCursor({ en: "The cursor does not decode", th: "อ่านตัวชี้หน้าไม่ได้" });
