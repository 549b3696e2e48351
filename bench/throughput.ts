import { loadavg } from "node:os";
import { startLocalServerProcess } from "../scripts/local-server-process";
import { byRoute, runLoad, summarize } from "./load";
import { serverClock } from "./load-cli";

/** Concurrent applicants per level, and how long each level keeps starting lifecycles. */
export const levels = [
  { clients: 1, seconds: 10 },
  { clients: 10, seconds: 10 },
  { clients: 50, seconds: 30 },
] as const;

export interface LevelResult {
  clients: number;
  seconds: number;
  wallS: number;
  /** The 1-minute load average of the machine when the level ended (other work disturbs it). */
  loadAverage: number;
  lifecycles: { completed: number; failed: number; perSecond: number; failures: Record<string, number> };
  actions: ReturnType<typeof summarize>;
  attach: ReturnType<typeof summarize>;
  storageUploads: ReturnType<typeof summarize>;
  allApi: ReturnType<typeof summarize>;
  /** The five routes with the slowest p99 (an officer's action named): where the load waits. */
  slowestRoutes: Record<string, { count: number; p50Ms: number; p99Ms: number }>;
  failureExamples: Record<string, string>;
}

const r2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Lifecycles per second with 1, 10 and 50 concurrent applicants, against `npm start` in a child
 * process (so the load's own work does not share the server's event loop), one fresh server for all
 * levels after one unmeasured lifecycle that loads every handler.
 */
export async function measureThroughput(): Promise<LevelResult[]> {
  const server = await startLocalServerProcess();
  try {
    const now = await serverClock(server.url);
    await runLoad({ url: server.url, clients: 1, durationMs: 0, rounds: 1, now });
    const results: LevelResult[] = [];
    for (const level of levels) {
      console.log(`  ${level.clients} concurrent applicant(s) for ${level.seconds} s …`);
      const run = await runLoad({
        url: server.url,
        clients: level.clients,
        durationMs: level.seconds * 1000,
        now,
      });
      const api = run.samples.filter((s) => s.kind !== "upload");
      results.push({
        clients: level.clients,
        seconds: level.seconds,
        wallS: Math.round(run.wallMs / 100) / 10,
        loadAverage: r2(loadavg()[0]!),
        lifecycles: {
          completed: run.lifecycles.completed,
          failed: run.lifecycles.failed,
          perSecond: r2(run.lifecycles.perSecond),
          failures: run.lifecycles.failures,
        },
        actions: summarize(run.samples, "action"),
        attach: summarize(run.samples, "attach"),
        storageUploads: summarize(run.samples, "upload"),
        allApi: summarize(api),
        slowestRoutes: Object.fromEntries(Object.entries(byRoute(api)).slice(0, 5)),
        failureExamples: run.lifecycles.examples,
      });
    }
    return results;
  } finally {
    await server.stop();
  }
}
