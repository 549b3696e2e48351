import { createHash } from "node:crypto";
import type { IdempotencyStore, IdempotentResult } from "../../ports/idempotency-store";
import type { Actor } from "../actor";
import { DomainError, problems } from "../errors";

/**
 * "Idempotency-Key" semantics: the first request with a key is carried out and its result kept (in
 * the same transaction as its change); a repeat with the same key and the same request gets that
 * result again, a different request with the key is refused.
 */
export interface IdempotencyContext {
  key: string;
  scope: string;
  requestHash: string;
}

export function idempotencyContext(
  actor: Actor,
  key: string | undefined,
  request: unknown,
): IdempotencyContext | undefined {
  if (!key) return undefined;
  const requestHash = createHash("sha256").update(JSON.stringify(request)).digest("hex");
  return { key, scope: actor.userId, requestHash };
}

export async function idempotent<T>(
  store: IdempotencyStore,
  ctx: IdempotencyContext | undefined,
  run: (record?: (response: T) => IdempotentResult) => Promise<T>,
): Promise<T> {
  if (!ctx) return run();
  const prior = await replay<T>(store, ctx);
  if (prior.found) return prior.response;
  const record = (response: T): IdempotentResult => ({ ...ctx, response });
  try {
    return await run(record);
  } catch (error) {
    // Two identical requests at once: the loser's write fails; it answers with the winner's result.
    if (!(error instanceof DomainError) || error.kind !== "conflict") throw error;
    const winner = await replay<T>(store, ctx);
    if (winner.found) return winner.response;
    throw error;
  }
}

async function replay<T>(
  store: IdempotencyStore,
  ctx: IdempotencyContext,
): Promise<{ found: true; response: T } | { found: false }> {
  const prior = await store.getIdempotentResult(ctx.scope, ctx.key);
  if (!prior) return { found: false };
  if (prior.requestHash !== ctx.requestHash) throw problems.idempotencyKeyReused();
  return { found: true, response: prior.response as T };
}
