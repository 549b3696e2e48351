import { createHash } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { type DomainError, problems } from "../../../shared/domain/errors";
import {
  type IdempotencyContext,
  idempotencyContext,
  idempotent,
} from "../../../shared/domain/services/idempotency";
import type { IdempotentResult } from "../../../shared/ports/idempotency-store";
import { FakeApplicationStore } from "./fakes";
import { domainErrorOf, officer } from "./fixtures";

const request = { id: "01JNZ8Y7M3Q4R5S6T7V8W9X0YZ", action: { action: "approve", feeTHB: 2500 } };
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const ctx: IdempotencyContext = {
  key: "key-1",
  scope: "officer-1",
  requestHash: sha256(JSON.stringify(request)),
};
const stored = (response: unknown, requestHash = ctx.requestHash): IdempotentResult => ({
  ...ctx,
  requestHash,
  response,
});

async function rejectionOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => new Error("Expected a rejection"),
    (e: unknown) => e,
  );
  return domainErrorOf(() => {
    throw error;
  });
}

describe("idempotencyContext", () => {
  it("is none without a key", () => {
    expect(idempotencyContext(officer, undefined, request)).toBeUndefined();
    expect(idempotencyContext(officer, "", request)).toBeUndefined();
  });

  it("scopes the key to the caller and hashes the request (SHA-256 of its JSON)", () => {
    expect(idempotencyContext(officer, "key-1", request)).toEqual(ctx);
    expect(ctx.requestHash).toMatch(/^[0-9a-f]{64}$/);
    const other = idempotencyContext(officer, "key-1", { ...request, id: "01JNZOTHER" });
    expect(other?.requestHash).not.toBe(ctx.requestHash);
  });
});

describe("idempotent", () => {
  it("without a key runs directly, with no record function and no lookup", async () => {
    const store = new FakeApplicationStore();
    const run = vi.fn(async (record?: unknown) => (record === undefined ? "ran" : "had a record"));
    await expect(idempotent(store, undefined, run)).resolves.toBe("ran");
    expect(run).toHaveBeenCalledTimes(1);
    expect(store.idempotencyReads).toBe(0);
  });

  it("the first request runs, and may record its response with the context", async () => {
    const store = new FakeApplicationStore();
    let recorded: IdempotentResult | undefined;
    const result = await idempotent(store, ctx, async (record) => {
      recorded = record?.({ status: "APPROVED" });
      return { status: "APPROVED" };
    });
    expect(result).toEqual({ status: "APPROVED" });
    expect(recorded).toEqual({ ...ctx, response: { status: "APPROVED" } });
    expect(store.idempotencyReads).toBe(1);
  });

  it("a replay with the same request answers the stored response without running", async () => {
    const store = new FakeApplicationStore();
    store.putIdempotentResult(stored({ status: "APPROVED", version: 6 }));
    const run = vi.fn(async () => ({ status: "should not run", version: 7 }));
    await expect(idempotent(store, ctx, run)).resolves.toEqual({ status: "APPROVED", version: 6 });
    expect(run).not.toHaveBeenCalled();
  });

  it("the key with a different request is refused with IDEMPOTENCY_KEY_REUSED (409), without running", async () => {
    const store = new FakeApplicationStore();
    store.putIdempotentResult(stored({ status: "APPROVED" }, sha256("another request")));
    const run = vi.fn(async () => "ran");
    const error = await rejectionOf(idempotent(store, ctx, run));
    expect(error).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", kind: "conflict" });
    expect(run).not.toHaveBeenCalled();
  });

  it("the same key of another caller is another key", async () => {
    const store = new FakeApplicationStore();
    store.putIdempotentResult({ ...stored("someone else's"), scope: "officer-2" });
    await expect(idempotent(store, ctx, async () => "mine")).resolves.toBe("mine");
  });

  it("a conflict thrown by run (the winner wrote first) is answered with the winner's result", async () => {
    const store = new FakeApplicationStore();
    const result = await idempotent(store, ctx, async () => {
      // The identical request running at the same time commits first.
      store.putIdempotentResult(stored({ status: "APPROVED", by: "winner" }));
      throw problems.concurrentModification();
    });
    expect(result).toEqual({ status: "APPROVED", by: "winner" });
    expect(store.idempotencyReads).toBe(2);
  });

  it("a conflict with no winner's result is rethrown as it was", async () => {
    const store = new FakeApplicationStore();
    const conflict = problems.workflowNotWaiting("decision");
    const error = await rejectionOf(
      idempotent(store, ctx, async () => {
        throw conflict;
      }),
    );
    expect(error).toBe(conflict);
    expect(store.idempotencyReads).toBe(2);
  });

  it("a conflict whose winner ran a different request is IDEMPOTENCY_KEY_REUSED", async () => {
    const store = new FakeApplicationStore();
    const error = await rejectionOf(
      idempotent(store, ctx, async () => {
        store.putIdempotentResult(stored("other", sha256("different")));
        throw problems.concurrentModification();
      }),
    );
    expect(error.code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("other errors are rethrown without a second lookup", async () => {
    const store = new FakeApplicationStore();
    const invalid = problems.invalidFee({
      en: "The manual caps the fee at 3,000 THB",
      th: "คู่มือกำหนดค่าธรรมเนียมไม่เกิน 3,000 บาท",
    });
    const error = await rejectionOf(
      idempotent(store, ctx, async () => {
        store.putIdempotentResult(stored("must not be used"));
        throw invalid;
      }),
    );
    expect(error).toBe(invalid);
    expect(store.idempotencyReads).toBe(1);

    const crash = new Error("DynamoDB unavailable");
    await expect(
      idempotent(new FakeApplicationStore(), ctx, async () => {
        throw crash;
      }),
    ).rejects.toBe(crash);
  });
});
