import { createHash } from "node:crypto";
import { ApiClient, postToUploadLink } from "../test/support/api-client";
import { percentile } from "./load-time";
import { driveTypicalPath, PathError } from "./typical-path";

/** What one request was, for the latency figures: officer actions are what issue 14 judges. */
export type RequestKind = "action" | "attach" | "presign" | "upload" | "other";

export interface Sample {
  kind: RequestKind;
  /** Method and path with ids templated, and the officer's action ("POST /officer/applications/{id}/actions approve"). */
  route: string;
  /** Made by waitForStep (the single lifecycle's polls), not by the path itself. */
  poll: boolean;
  ms: number;
  /** HTTP status; 0 when no answer came (the connection failed). */
  status: number;
  /** The failure's code (ECONNRESET, UND_ERR_SOCKET, …) when no answer came. */
  error?: string;
}

function kindOf(method: string, path: string): RequestKind {
  if (method === "POST" && /^\/officer\/applications\/[^/]+\/actions$/.test(path)) return "action";
  if (method === "PUT" && /^\/applications\/[^/]+\/documents\/[^/]+$/.test(path)) return "attach";
  if (method === "POST" && /^\/applications\/[^/]+\/documents$/.test(path)) return "presign";
  return "other";
}

/** The code of a failed fetch: undici wraps the socket error as the TypeError's cause. */
function failureCode(error: unknown): string {
  const cause = (error as { cause?: { code?: string; name?: string } }).cause;
  return cause?.code ?? cause?.name ?? (error as Error).name ?? "unknown";
}

function routeOf(method: string, path: string): string {
  const template = path
    .replace(/\?.*$/, "")
    .replace(/\/01[0-9A-HJKMNP-TV-Z]{24}(?=\/|$)/g, "/{id}")
    .replace(/(\/documents)\/[^/]+$/, "$1/{key}");
  return `${method} ${template}`;
}

/** The tests' client, timing each request and recording failed connections instead of losing them. */
export class MeasuredClient extends ApiClient {
  private polling = false;

  constructor(
    baseUrl: string,
    token: string,
    private readonly samples: Sample[],
  ) {
    super(baseUrl, token);
  }

  static async as(baseUrl: string, username: string, samples: Sample[]): Promise<MeasuredClient> {
    const res = await fetch(`${baseUrl}/local/token`, { method: "POST", body: JSON.stringify({ username }) });
    if (!res.ok) throw new Error(`No token for ${username}: ${res.status}`);
    const { id_token } = (await res.json()) as { id_token: string };
    return new MeasuredClient(baseUrl, id_token, samples);
  }

  override async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    raw?: string,
    idempotencyKey?: string,
  ) {
    const action = (body as { action?: unknown } | undefined)?.action;
    const route = `${routeOf(method, path)}${typeof action === "string" ? ` ${action}` : ""}`;
    return this.timed(kindOf(method, path), route, () =>
      super.request<T>(method, path, body, raw, idempotencyKey),
    );
  }

  override async waitForStep(applicationId: string, step: string, timeoutMs?: number) {
    this.polling = true;
    try {
      return await super.waitForStep(applicationId, step, timeoutMs);
    } finally {
      this.polling = false;
    }
  }

  /** As a screen that refreshes would: reads the application every `everyMs` until it waits at `step`. */
  async pollForStep(applicationId: string, step: string, everyMs: number, timeoutMs: number): Promise<void> {
    const until = performance.now() + timeoutMs;
    this.polling = true;
    try {
      for (;;) {
        const res = await this.get<{ waitingFor?: { step: string }[] }>(`/applications/${applicationId}`);
        if (res.status !== 200) throw new PathError(`read while waiting for ${step}`, res.status, res.body);
        if (res.body.waitingFor?.some((w) => w.step === step)) return;
        if (performance.now() > until) throw new PathError(`not waiting at ${step}`, res.status, res.body);
        await new Promise((resolve) => setTimeout(resolve, everyMs));
      }
    } finally {
      this.polling = false;
    }
  }

  /** As ApiClient's, with the form POST to storage timed too (s3rver is part of the local stack). */
  override async uploadDocument(applicationId: string, documentKey: string, bytes: Buffer) {
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const fileName = `${documentKey}.pdf`;
    const contentType = "application/pdf";
    const presigned = await this.presignDocument(applicationId, {
      documentKey,
      fileName,
      contentType,
      size: bytes.length,
      sha256,
    });
    if (presigned.status !== 201)
      return presigned as unknown as { status: number; body: Record<string, unknown>; contentType: string };
    const posted = await this.timed("upload", "POST <storage upload link>", () =>
      postToUploadLink(presigned.body.upload, bytes, contentType, fileName),
    );
    if (posted.status >= 300) throw new PathError("upload to storage", posted.status, posted.text);
    return this.request("PUT", `/applications/${applicationId}/documents/${documentKey}`, {
      sha256,
      fileName,
      uploadId: presigned.body.uploadId,
    });
  }

  private async timed<R extends { status: number }>(
    kind: RequestKind,
    route: string,
    send: () => Promise<R>,
  ): Promise<R> {
    const t = performance.now();
    const poll = this.polling;
    try {
      const res = await send();
      this.samples.push({ kind, route, poll, ms: performance.now() - t, status: res.status });
      return res;
    } catch (error) {
      this.samples.push({
        kind,
        route,
        poll,
        ms: performance.now() - t,
        status: 0,
        error: failureCode(error),
      });
      throw error;
    }
  }
}

export interface LoadOptions {
  url: string;
  /** Concurrent applicants, each with an officer acting on their applications at once. */
  clients: number;
  /** No lifecycle starts after this; those under way finish and count. */
  durationMs: number;
  /** Instead: exactly this many lifecycles per client (the warm-up). */
  rounds?: number;
  /**
   * Before each step-ending request, read the application every this many ms until the workflow
   * waits at the step (default 100); 0 sends it at once and leaves any waiting to the server.
   */
  pollMs?: number;
  now: () => Date;
}

export interface LoadResult {
  clients: number;
  durationMs: number;
  /** From the first request to the last lifecycle's end (the drain included). */
  wallMs: number;
  lifecycles: {
    completed: number;
    failed: number;
    perSecond: number;
    failures: Record<string, number>;
    /** The first failure of each kind, with the answer's body. */
    examples: Record<string, string>;
  };
  samples: Sample[];
}

/**
 * `clients` applicant–officer pairs, each driving the typical path over and over for `durationMs`.
 * Each request goes as soon as the previous one is answered; a step-ending request first waits until
 * the application shows the workflow waiting at that step, as a user's refreshing screen would (the
 * reads are counted among all requests, not among the actions). A lifecycle that meets an unexpected
 * answer is counted as failed (by its first failure) and the pair starts a new one.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const samples: Sample[] = [];
  const failures: Record<string, number> = {};
  const examples: Record<string, string> = {};
  let completed = 0;
  const began = performance.now();
  const stopAt = began + options.durationMs;
  const pair = async (n: number) => {
    const [applicant, officer] = await Promise.all([
      MeasuredClient.as(options.url, "applicant", samples),
      MeasuredClient.as(options.url, "officer", samples),
    ]);
    const more = (round: number) =>
      options.rounds === undefined ? performance.now() < stopAt : round < options.rounds;
    for (let round = 0; more(round); round++) {
      try {
        const pollMs = options.pollMs ?? 100;
        await driveTypicalPath(applicant, officer, {
          now: options.now,
          seed: `load-${n}-${round}`,
          ...(pollMs > 0
            ? {
                beforeStep: (who, id, step) =>
                  (who === "officer" ? officer : applicant).pollForStep(id, step, pollMs, 60_000),
              }
            : {}),
        });
        completed++;
      } catch (error) {
        const key =
          error instanceof PathError
            ? `${error.what}: HTTP ${error.status}`
            : `network: ${failureCode(error)}`;
        failures[key] = (failures[key] ?? 0) + 1;
        examples[key] ??= (error as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, n) => pair(n)));
  const wallMs = performance.now() - began;
  const failed = Object.values(failures).reduce((a, b) => a + b, 0);
  return {
    clients: options.clients,
    durationMs: options.durationMs,
    wallMs,
    lifecycles: { completed, failed, perSecond: completed / (wallMs / 1000), failures, examples },
    samples,
  };
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** p50/p95/p99 of one kind of request, and what went wrong: 5xx answers and connections lost. */
export function summarize(samples: Sample[], kind?: RequestKind) {
  const of = kind ? samples.filter((s) => s.kind === kind) : samples;
  const ms = of.map((s) => s.ms);
  const errors: Record<string, number> = {};
  for (const s of of)
    if (s.status === 0 || s.status >= 500) {
      const key = s.status === 0 ? (s.error ?? "no answer") : `HTTP ${s.status}`;
      errors[key] = (errors[key] ?? 0) + 1;
    }
  return {
    count: of.length,
    p50Ms: ms.length ? r1(percentile(ms, 50)) : null,
    p95Ms: ms.length ? r1(percentile(ms, 95)) : null,
    p99Ms: ms.length ? r1(percentile(ms, 99)) : null,
    maxMs: ms.length ? r1(Math.max(...ms)) : null,
    status4xx: of.filter((s) => s.status >= 400 && s.status < 500).length,
    serverErrors: of.filter((s) => s.status >= 500).length,
    connectionErrors: of.filter((s) => s.status === 0).length,
    errors,
  };
}

/** p50/p99 per route, slowest p99 first: which requests a load makes wait. */
export function byRoute(samples: Sample[]): Record<string, { count: number; p50Ms: number; p99Ms: number }> {
  const groups = new Map<string, number[]>();
  for (const s of samples) groups.set(s.route, [...(groups.get(s.route) ?? []), s.ms]);
  return Object.fromEntries(
    [...groups]
      .map(
        ([route, ms]) =>
          [
            route,
            { count: ms.length, p50Ms: r1(percentile(ms, 50)), p99Ms: r1(percentile(ms, 99)) },
          ] as const,
      )
      .sort((a, b) => b[1].p99Ms - a[1].p99Ms),
  );
}
