import { type ApplicationCost, applicationCost, shareOf } from "./cost";
import type { LifecycleResult } from "./lifecycle";
import { percentile } from "./load-time";
import { assumptions, prices, sampling } from "./prices";
import type { LevelResult } from "./throughput";

const r1 = (n: number) => Math.round(n * 10) / 10;
const usd = (n: number) => `$${n.toFixed(n < 0.0001 ? 7 : 5)}`;
const pct = (n: number) => `${(n * 100).toFixed(1)} %`;

function latency(ms: number[]) {
  if (!ms.length) return { p50Ms: null, p95Ms: null, maxMs: null };
  return { p50Ms: r1(percentile(ms, 50)), p95Ms: r1(percentile(ms, 95)), maxMs: r1(Math.max(...ms)) };
}

function costResults(cost: ApplicationCost) {
  return {
    sampling: cost.sampling,
    perApplicationUSD: Number(cost.perApplicationUSD.toPrecision(4)),
    stepFunctionsShare: r1(shareOf(cost, "Step Functions") * 100),
    xrayShare: r1(shareOf(cost, "X-Ray") * 100),
    lines: cost.lines.map((l) => ({ ...l, usd: Number(l.usd.toPrecision(3)), share: r1(l.share * 100) })),
    storagePerMonthUSD: Number(cost.storagePerMonthUSD.toPrecision(3)),
    reservoirCeilingPerMonthUSD: Number(cost.reservoirCeilingPerMonthUSD.toPrecision(3)),
  };
}

/** The lifecycle, cost and load figures of bench/results.json (issue 14). */
export function operationsResults(lifecycle: LifecycleResult, throughput: LevelResult[]) {
  const actions = lifecycle.requests.filter((r) => !r.poll);
  const all = lifecycle.requests;
  const m = lifecycle.metered;
  const at = (n: number) => throughput.find((l) => l.clients === n);
  return {
    typicalPath: {
      licenseTypeId: "food-premises-over-200sqm-klong-dan",
      description:
        "one application with one fix round: create, form, 7 documents, submit, request-fix, re-upload, fixes, confirm-complete, schedule-inspection, record-inspection, approve 3000, confirm-payment, issue-license, confirm-pickup",
      stateTransitions: lifecycle.transitions.count,
      statesEntered: lifecycle.transitions.states,
      engineStateEnteredCounter: lifecycle.transitions.engineCounter,
      finalStatus: lifecycle.finalStatus,
      executionStatus: lifecycle.executionStatus ?? null,
      historyEvents: lifecycle.history.length,
      localStackStartMs: Math.round(lifecycle.stackStartMs),
      wallMs: Math.round(lifecycle.wallMs),
      requests: {
        actions: { count: actions.length, ...latency(actions.map((r) => r.ms)) },
        allIncludingPolls: { count: all.length, ...latency(all.map((r) => r.ms)) },
      },
    },
    costPerApplication: {
      prices: { asOf: prices.asOf, region: prices.region, currency: prices.currency },
      assumptions,
      counts: m.counts,
      apiRequestsByRoute: m.apiRequestsByRoute,
      taskInvocationsByState: m.taskInvocationsByState,
      dynamodbRequestsByCommand: m.dynamodb.requests,
      dynamodbUnitsByCommand: m.dynamodb.unitsByCommand,
      s3RequestsByCommand: m.s3.requests,
      lambdaMsMethod: m.lambdaMsMethod,
      before: costResults(applicationCost(m.counts, sampling.before)),
      after: costResults(applicationCost(m.counts, sampling.after)),
    },
    load: {
      levels: throughput,
      lifecyclesPerSecond: Object.fromEntries(
        throughput.map((l) => [`clients${l.clients}`, l.lifecycles.perSecond]),
      ),
      actionLatency: {
        clients1: at(1)?.actions ?? null,
        clients50: at(50)?.actions ?? null,
      },
      errors50x30s: at(50)
        ? {
            serverErrors: at(50)!.allApi.serverErrors + at(50)!.storageUploads.serverErrors,
            connectionErrors: at(50)!.allApi.connectionErrors + at(50)!.storageUploads.connectionErrors,
            byKind: { ...at(50)!.allApi.errors, ...prefixed("storage ", at(50)!.storageUploads.errors) },
          }
        : null,
    },
  };
}

function prefixed(prefix: string, counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [`${prefix}${k}`, v]));
}

export function printOperations(ops: ReturnType<typeof operationsResults>, states: string[]): void {
  const tp = ops.typicalPath;
  console.log("\nTypical path (food premises > 200 m², one fix round), local stack in-process:");
  console.log(
    `  final status ${tp.finalStatus}, execution ${tp.executionStatus ?? "?"}, ${tp.historyEvents} history events`,
  );
  console.log(
    `  state transitions of the typical path: ${tp.stateTransitions} (StateEntered events of the deployed ASL, run locally)`,
  );
  console.log(`    ${states.join(" → ")}`);
  console.log(`  local stack start ${tp.localStackStartMs} ms (not in the lifecycle time)`);
  console.log(`  lifecycle wall time ${tp.wallMs} ms`);
  const a = tp.requests.actions;
  const all = tp.requests.allIncludingPolls;
  console.log(
    `  API requests (actions, n=${a.count}): p50 ${a.p50Ms} ms, p95 ${a.p95Ms} ms, max ${a.maxMs} ms`,
  );
  console.log(
    `  API requests incl. waitForStep polls (n=${all.count}): p50 ${all.p50Ms} ms, p95 ${all.p95Ms} ms`,
  );

  const c = ops.costPerApplication;
  const k = c.counts;
  console.log(
    `\nAWS cost of one application (${c.prices.region} list prices as of ${c.prices.asOf}), counts from one metered lifecycle:`,
  );
  console.log(
    `  ${k.stateTransitions} transitions, ${k.apiRequests} API requests, ${k.taskInvocations} task invocations, ${k.dynamodb.requests} DynamoDB requests (${r1(k.dynamodb.readUnits)} RRU, ${r1(k.dynamodb.writeUnits)} WRU), S3 ${k.s3.putCopyPostList} PUT/POST + ${k.s3.getAndOther} GET, ${k.snsPublishes} SNS publishes`,
  );
  for (const which of ["before", "after"] as const) {
    const cost = c[which];
    console.log(
      `  ${which === "before" ? "before" : "after "} (${cost.sampling.label}): ${usd(cost.perApplicationUSD)} per application — Step Functions ${cost.stepFunctionsShare} %, X-Ray ${cost.xrayShare} %`,
    );
  }
  for (const line of c.after.lines)
    console.log(
      `    ${line.service.padEnd(28)} ${String(line.quantity).padStart(7)} ${line.unit.padEnd(44)} ${usd(line.usd).padStart(11)} ${pct(line.share / 100).padStart(7)}`,
    );
  console.log(
    `  not per application: storage ${usd(c.after.storagePerMonthUSD)} a month per application kept (${k.s3.documentsKept} documents × ${assumptions.documentMB} MB); the rules' reservoirs record at most ${usd(c.after.reservoirCeilingPerMonthUSD)} of traces a month`,
  );

  console.log(
    "\nLoad on `npm start` in a child process (applicant–officer pairs; each reads the application every 100 ms until the workflow waits at the next step, and starts a new lifecycle when one ends):",
  );
  for (const l of ops.load.levels) {
    const act = l.actions;
    console.log(
      `  ${String(l.clients).padStart(2)} clients × ${l.seconds} s: ${l.lifecycles.completed} lifecycles (${l.lifecycles.failed} failed) in ${l.wallS} s = ${l.lifecycles.perSecond}/s; actions p50 ${act.p50Ms} ms, p95 ${act.p95Ms} ms, p99 ${act.p99Ms} ms; 5xx ${l.allApi.serverErrors + l.storageUploads.serverErrors}, connection errors ${l.allApi.connectionErrors + l.storageUploads.connectionErrors} (load average ${l.loadAverage})`,
    );
    for (const [what, n] of Object.entries(l.lifecycles.failures))
      console.log(`      failed: ${n} × ${what}`);
    const [route, slowest] = Object.entries(l.slowestRoutes)[0] ?? [];
    if (l.clients > 1 && route && slowest)
      console.log(`      slowest: ${route}, p50 ${slowest.p50Ms} ms, p99 ${slowest.p99Ms} ms`);
  }
}
