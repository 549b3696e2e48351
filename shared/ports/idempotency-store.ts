/** The first result of a request with an Idempotency-Key, kept for a day. */
export interface IdempotentResult {
  scope: string;
  key: string;
  requestHash: string;
  response: unknown;
}

/** Results kept for Idempotency-Key replays; written with the change they answer (ApplyExtras). */
export interface IdempotencyStore {
  getIdempotentResult(scope: string, key: string): Promise<IdempotentResult | undefined>;
}
