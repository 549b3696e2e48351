import { tracingSampling } from "../infra/constructs/sampling";

/**
 * AWS list prices the cost model multiplies the measured counts by. On-demand, no free tier, first
 * volume tier, us-east-1 (the reference region every price page lists; ap-southeast-7, where the
 * service would run, is priced higher for most of these). Taken from the services' pricing pages as
 * of 2025, after DynamoDB's 50 % on-demand cut of November 2024; the bench cannot fetch live prices,
 * so re-check them at https://aws.amazon.com/<service>/pricing/ before quoting a figure.
 */
export const prices = {
  asOf: "2025",
  region: "us-east-1",
  currency: "USD",
  stepFunctions: {
    /** Standard workflows: $0.025 per 1,000 state transitions. */
    perStateTransition: 0.025 / 1000,
  },
  lambda: {
    /** $0.20 per 1M requests. */
    perRequest: 0.2 / 1e6,
    /** Arm (Graviton), first 7.5 billion GB-seconds a month; billed per 1 ms. */
    arm64PerGBSecond: 0.0000133334,
  },
  dynamodb: {
    /** On-demand: $0.125 per 1M read request units, $0.625 per 1M write request units. */
    perReadRequestUnit: 0.125 / 1e6,
    perWriteRequestUnit: 0.625 / 1e6,
    perGBMonth: 0.25,
  },
  s3: {
    /** S3 Standard: PUT, COPY, POST, LIST $0.005 per 1,000; GET, HEAD and the rest $0.0004 per 1,000. */
    perPutCopyPostList: 0.005 / 1000,
    perGetAndOther: 0.0004 / 1000,
    perGBMonth: 0.023,
  },
  apiGateway: {
    /** HTTP API: $1.00 per 1M requests (first 300M a month), each 512 KB of a request metered as one. */
    httpApiPerRequest: 1.0 / 1e6,
  },
  sns: {
    /** Standard topics: $0.50 per 1M publishes (each 64 KB chunk of a message is one). */
    perPublish: 0.5 / 1e6,
  },
  xray: {
    /** $5.00 per 1M traces recorded; $0.50 per 1M traces retrieved or scanned. */
    perTraceRecorded: 5.0 / 1e6,
    perTraceScanned: 0.5 / 1e6,
  },
} as const;

/** What the model assumes where the local stack cannot measure it. */
export const assumptions = {
  /** Every function's memory (infra/constructs/function.ts: memorySize 512). */
  lambdaMemoryGB: 0.5,
  /** Each recorded trace is read once (a console view or a query that scans it). */
  scansPerRecordedTrace: 1,
  /** The bench's documents are ~100-byte PDFs; storage is priced at this size per document instead. */
  documentMB: 1,
} as const;

/**
 * X-Ray sampling before and after issue 14's rule (infra/constructs/tracing.ts). Before: the issue's
 * premise, every request traced (X-Ray's default rule, 1/s then 5 %, traces nearly everything while
 * the traffic stays under a request a second). After: the rule's fixed rate. Its reservoir is a cost
 * per second of traffic, not per application: at most `reservoirPerSecond` × 2.6M traces a month
 * per rule, reported on its own.
 */
export const sampling = {
  before: { label: "every request traced", fixedRate: 1, reservoirPerSecond: 0, rules: 0 },
  after: {
    label: `sampling rule: ${tracingSampling.reservoirPerSecond}/s reservoir + ${tracingSampling.fixedRate * 100} %`,
    fixedRate: tracingSampling.fixedRate,
    reservoirPerSecond: tracingSampling.reservoirPerSecond,
    /** One for the state machines, one for the functions: each has its own reservoir. */
    rules: 2,
  },
} as const;

export type Sampling = (typeof sampling)[keyof typeof sampling];
