import { describe, expect, expectTypeOf, it } from "vitest";
import type * as z from "zod/mini";
import {
  compareQueue,
  mergeQueue,
  type QueueRow,
  queueRowOf,
} from "../../../shared/domain/application/queue";
import { decodeQueueCursor, encodeQueueCursor } from "../../../shared/domain/application/queue-cursor";
import type { Application } from "../../../shared/domain/application/types";
import { officerQueue } from "../../../shared/domain/services/officer";
import type { queueRowSchema } from "../../../shared/schemas/officer-queue";
import { accountOf, FakeOfficerDirectory } from "../../support/fake-officer-directory";
import { FakeApplicationStore } from "./fakes";
import { applicationIn, foodType, officer, rejectionOf } from "./fixtures";

const fuelTypeId = "fuel-station-license-klong-dan";
const ulid = (n: number) => `01JQ${String(n).padStart(22, "0")}`;
const day = (d: number, hour: number) => new Date(Date.UTC(2026, 2, 2 + d, hour - 7)).toISOString();

/** Seven food-premises applications interleaved by due time with seven of another type of the agency. */
function interleaved(): Application[] {
  const apps: Application[] = [];
  for (let k = 0; k < 7; k++) {
    apps.push(applicationIn("SUBMITTED", { id: ulid(100 + k), dueAt: day(k, 10) }));
    apps.push(applicationIn("SUBMITTED", { id: ulid(200 + k), licenseTypeId: fuelTypeId, dueAt: day(k, 9) }));
  }
  return apps;
}

describe("queue order", () => {
  const row = (id: string, dueAt: string | null) => ({ id, dueAt });

  it("puts the earliest due first, undated after every dated one, and breaks ties by id", () => {
    const rows = [
      row(ulid(3), null),
      row(ulid(2), day(1, 10)),
      row(ulid(5), day(0, 10)),
      row(ulid(1), null),
      row(ulid(4), day(0, 10)),
    ];
    expect([...rows].sort(compareQueue).map((r) => r.id)).toEqual([
      ulid(4),
      ulid(5),
      ulid(2),
      ulid(1),
      ulid(3),
    ]);
  });

  it("merges sorted lists into the first `limit` rows and tells whether more remain", () => {
    const a = [row("A", day(0, 9)), row("C", day(2, 9))];
    const b = [row("B", day(1, 9))];
    expect(mergeQueue([a, b], 2)).toEqual({ rows: [a[0], b[0]], more: true });
    expect(mergeQueue([a, b], 3)).toEqual({ rows: [a[0], b[0], a[1]], more: false });
    expect(mergeQueue([], 3)).toEqual({ rows: [], more: false });
  });
});

describe("queueRowOf", () => {
  it("keeps what the queue shows and nothing of the form or documents", () => {
    const app = applicationIn("UNDER_REVIEW", {
      dueAt: day(3, 16),
      decisionDueAt: day(3, 16),
      overdue: { since: day(3, 16), noticeCount: 1, lastNoticeAt: day(3, 16), nextNoticeAt: day(10, 16) },
    });
    expect(queueRowOf(app)).toEqual({
      id: app.id,
      licenseTypeId: foodType.id,
      caseType: "new",
      status: "UNDER_REVIEW",
      businessName: "บริษัท ครัวคลองด่าน จำกัด",
      licenseNumber: null,
      submittedAt: app.submittedAt,
      dueAt: day(3, 16),
      decisionDueAt: day(3, 16),
      overdueSince: day(3, 16),
    });
  });

  it("names the license a case is about, and has no name when the form has none", () => {
    const closure = applicationIn("SUBMITTED", {
      caseType: "cancel",
      formData: { licenseNumber: " KD-FOOD200-2569-000001 " },
      dueAt: undefined,
      submittedAt: undefined,
    });
    expect(queueRowOf(closure)).toMatchObject({
      caseType: "cancel",
      businessName: null,
      licenseNumber: "KD-FOOD200-2569-000001",
      dueAt: null,
      submittedAt: null,
    });
  });

  it("is what the response schema describes", () => {
    expectTypeOf<z.output<typeof queueRowSchema>>().toEqualTypeOf<QueueRow>();
  });
});

describe("the queue cursor", () => {
  const last = { dueAt: day(0, 10), id: ulid(7) };
  const encoded = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString("base64url");

  it("is opaque base64url and points after the last row, for the same status filter", () => {
    const cursor = encodeQueueCursor(last, { status: "SUBMITTED" });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeQueueCursor(cursor, { status: "SUBMITTED" })).toEqual(last);
    const undated = encodeQueueCursor({ dueAt: null, id: ulid(8) }, {});
    expect(decodeQueueCursor(undated, {})).toEqual({ dueAt: null, id: ulid(8) });
  });

  it.each([
    ["not base64url", "a+b/c="],
    ["empty", ""],
    ["not JSON", Buffer.from("{nope").toString("base64url")],
    ["an array", encoded([1, null, null, ulid(1)])],
    ["another version", encoded({ v: 2, s: null, d: null, i: ulid(1) })],
    ["an extra field", encoded({ v: 1, s: null, d: null, i: ulid(1), agency: "sao-wang-hin" })],
    ["a missing field", encoded({ v: 1, s: null, i: ulid(1) })],
    ["an id that is no ULID", encoded({ v: 1, s: null, d: null, i: "APP#x" })],
    ["a due time with an offset", encoded({ v: 1, s: null, d: "2026-03-02T10:00:00.000+07:00", i: ulid(1) })],
    ["a due time that is no date", encoded({ v: 1, s: null, d: "2026-02-30T03:00:00.000Z", i: ulid(1) })],
    ["another query's cursor", encodeQueueCursor(last, { status: "APPROVED" })],
    ["the applicant list's cursor", encoded({ PK: "APP#A", SK: "META", GSI2PK: "USER#u", GSI2SK: "x" })],
  ])("refuses %s with 400 INVALID_CURSOR", async (_, cursor) => {
    const error = await rejectionOf((async () => decodeQueueCursor(cursor, {}))());
    expect([error.kind, error.code]).toEqual(["validation", "INVALID_CURSOR"]);
    expect(error.titleTh).toMatch(/[ก-๙]/);
  });

  it("refuses a cursor issued without a filter when a filter is given", async () => {
    const error = await rejectionOf(
      (async () => decodeQueueCursor(encodeQueueCursor(last, {}), { status: "SUBMITTED" }))(),
    );
    expect(error.detail).toMatch(/another status filter/);
  });
});

describe("officerQueue", () => {
  const deps = (apps: Application[], licenseTypeIds = [foodType.id]) => ({
    queue: new FakeApplicationStore(apps),
    officers: new FakeOfficerDirectory([accountOf(officer.userId, { licenseTypeIds })]),
  });

  it("pages an officer's assigned type 3, 3, 1 in due order while another type's work interleaves", async () => {
    const d = deps(interleaved());
    const pages: QueueRow[][] = [];
    let cursor: string | undefined;
    do {
      const page = await officerQueue(d, officer, { limit: 3, ...(cursor ? { cursor } : {}) });
      pages.push(page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(pages.flat().map((r) => r.id)).toEqual([0, 1, 2, 3, 4, 5, 6].map((k) => ulid(100 + k)));
  });

  it("merges every assigned type by due time", async () => {
    const page = await officerQueue(deps(interleaved(), [foodType.id, fuelTypeId]), officer, { limit: 4 });
    expect(page.items.map((r) => r.id)).toEqual([ulid(200), ulid(100), ulid(201), ulid(101)]);
    expect(page.nextCursor).not.toBeNull();
  });

  it("ends without a cursor when the last page is exactly full", async () => {
    const apps = interleaved()
      .filter((a) => a.licenseTypeId === foodType.id)
      .slice(0, 6);
    const first = await officerQueue(deps(apps), officer, { limit: 3 });
    const second = await officerQueue(deps(apps), officer, { limit: 3, cursor: first.nextCursor! });
    expect([first.items.length, second.items.length, second.nextCursor]).toEqual([3, 3, null]);
  });

  it("refuses a bad cursor before reading anything, even for an officer with nothing assigned", async () => {
    const d = deps(interleaved(), []);
    const error = await rejectionOf(officerQueue(d, officer, { limit: 3, cursor: "garbage!" }));
    expect(error.code).toBe("INVALID_CURSOR");
    expect(d.officers.gets).toBe(0);
  });

  it("keeps the status filter and binds the cursor to it", async () => {
    const apps = [...interleaved(), applicationIn("APPROVED", { id: ulid(300), dueAt: day(9, 9) })];
    const approved = await officerQueue(deps(apps), officer, { status: "APPROVED", limit: 3 });
    expect(approved.items.map((r) => r.id)).toEqual([ulid(300)]);
    const first = await officerQueue(deps(apps), officer, { limit: 3 });
    const error = await rejectionOf(
      officerQueue(deps(apps), officer, { status: "APPROVED", limit: 3, cursor: first.nextCursor! }),
    );
    expect(error.code).toBe("INVALID_CURSOR");
  });
});
