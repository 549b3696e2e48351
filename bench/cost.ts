import { assumptions, prices, type Sampling } from "./prices";

/** What one application asked of each service, measured on the local stack (bench/lifecycle.ts). */
export interface ApplicationCounts {
  stateTransitions: number;
  executions: number;
  /** Requests to deployed routes: each is one HTTP API request and one Lambda invocation. */
  apiRequests: number;
  /** Task states entered: each invokes one Lambda (waitForTaskToken tasks too). */
  taskInvocations: number;
  /** Lambda run time, summed over all invocations (see `lambdaMsMethod`). */
  lambdaMs: number;
  dynamodb: { readUnits: number; writeUnits: number; requests: number };
  s3: { putCopyPostList: number; getAndOther: number; documentsKept: number };
  snsPublishes: number;
}

export interface CostLine {
  service: string;
  quantity: number;
  unit: string;
  usd: number;
  share: number;
}

export interface ApplicationCost {
  sampling: Sampling;
  perApplicationUSD: number;
  lines: CostLine[];
  /** Not per application: storage of what one application keeps, per month it is kept. */
  storagePerMonthUSD: number;
  /** Not per application: the most the rules' reservoirs can record in a 30-day month, in USD. */
  reservoirCeilingPerMonthUSD: number;
}

/**
 * Counts × list prices. Every request that starts a trace (an API invocation, an execution; task
 * Lambdas join their execution's trace) is recorded at the sampling's fixed rate, and each recorded
 * trace is scanned `scansPerRecordedTrace` times.
 */
export function applicationCost(counts: ApplicationCounts, sampling: Sampling): ApplicationCost {
  const p = prices;
  const invocations = counts.apiRequests + counts.taskInvocations;
  const gbSeconds = (counts.lambdaMs / 1000) * assumptions.lambdaMemoryGB;
  const traces = (counts.apiRequests + counts.executions) * sampling.fixedRate;
  const raw: Omit<CostLine, "share">[] = [
    {
      service: "Step Functions (Standard)",
      quantity: counts.stateTransitions,
      unit: "state transitions",
      usd: counts.stateTransitions * p.stepFunctions.perStateTransition,
    },
    {
      service: "Lambda requests",
      quantity: invocations,
      unit: `invocations (${counts.apiRequests} API + ${counts.taskInvocations} task)`,
      usd: invocations * p.lambda.perRequest,
    },
    {
      service: "Lambda compute (arm64)",
      quantity: round(gbSeconds, 3),
      unit: `GB-s (${assumptions.lambdaMemoryGB} GB × ${round(counts.lambdaMs / 1000, 2)} s)`,
      usd: gbSeconds * p.lambda.arm64PerGBSecond,
    },
    {
      service: "API Gateway (HTTP API)",
      quantity: counts.apiRequests,
      unit: "requests",
      usd: counts.apiRequests * p.apiGateway.httpApiPerRequest,
    },
    {
      service: "DynamoDB reads (on-demand)",
      quantity: round(counts.dynamodb.readUnits, 1),
      unit: "read request units",
      usd: counts.dynamodb.readUnits * p.dynamodb.perReadRequestUnit,
    },
    {
      service: "DynamoDB writes (on-demand)",
      quantity: round(counts.dynamodb.writeUnits, 1),
      unit: "write request units",
      usd: counts.dynamodb.writeUnits * p.dynamodb.perWriteRequestUnit,
    },
    {
      service: "S3 PUT/POST/COPY/LIST",
      quantity: counts.s3.putCopyPostList,
      unit: "requests",
      usd: counts.s3.putCopyPostList * p.s3.perPutCopyPostList,
    },
    {
      service: "S3 GET/HEAD",
      quantity: counts.s3.getAndOther,
      unit: "requests",
      usd: counts.s3.getAndOther * p.s3.perGetAndOther,
    },
    {
      service: "SNS publishes",
      quantity: counts.snsPublishes,
      unit: "publishes",
      usd: counts.snsPublishes * p.sns.perPublish,
    },
    {
      service: "X-Ray traces recorded",
      quantity: round(traces, 2),
      unit: `traces (${counts.apiRequests + counts.executions} × ${sampling.fixedRate})`,
      usd: traces * p.xray.perTraceRecorded,
    },
    {
      service: "X-Ray traces scanned",
      quantity: round(traces * assumptions.scansPerRecordedTrace, 2),
      unit: "traces",
      usd: traces * assumptions.scansPerRecordedTrace * p.xray.perTraceScanned,
    },
  ];
  const total = raw.reduce((sum, l) => sum + l.usd, 0);
  const storedGB = (counts.s3.documentsKept * assumptions.documentMB) / 1024;
  return {
    sampling,
    perApplicationUSD: total,
    lines: raw.map((l) => ({ ...l, share: l.usd / total })),
    storagePerMonthUSD: storedGB * p.s3.perGBMonth,
    reservoirCeilingPerMonthUSD:
      sampling.reservoirPerSecond * sampling.rules * 30 * 86_400 * p.xray.perTraceRecorded,
  };
}

/** The service groups the issue quotes shares of (Step Functions, X-Ray, …). */
export function shareOf(cost: ApplicationCost, prefix: string): number {
  return cost.lines.filter((l) => l.service.startsWith(prefix)).reduce((s, l) => s + l.share, 0);
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
