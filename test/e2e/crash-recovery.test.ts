import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ApiClient } from "../support/api-client";
import {
  type ApplicationView,
  awaitProgress,
  drivenTo,
  expectedHistory,
  lifecycle,
  type Users,
} from "../support/crash-lifecycle";
import {
  type CrashableStack,
  crashAll,
  processesMentioning,
  startCrashableStack,
} from "../support/stack-process";

/**
 * Issue 14: progress survives a crash at any point. The local stack runs as its own process group;
 * after each action of a whole lifecycle the group is killed with SIGKILL (node and the java of
 * DynamoDB Local together, no shutdown code run) and started again on the same data folder. The
 * application must then show what the action led to — the status it wrote and the next wait — and
 * go on to COLLECTED with every action in its history once. Two applications share each kill: one
 * killed the moment its action answered, one a random 0–300 ms (plus the other's action) later, to
 * land between two waits while the workflow runs tasks. HTTP and processes only: the test does not
 * depend on how the workflow core keeps its promises.
 *
 * `CRASH_REPEAT=20 npx vitest run test/e2e/crash-recovery.test.ts` runs 20 lifecycles (40 kills per
 * point, two per restart) and prints how many were lost at each point.
 */
const repeat = Math.max(1, Number(process.env.CRASH_REPEAT) || 1);

/** How long a restarted stack may take to show where an action led (a loaded 2-core machine). */
const recoveryTimeoutMs = 15_000;
const maxExtraDelayMs = 300;
/** A lifecycle is ten restarts of ≈ 5–10 s each (node modules ≈ 3 s, DynamoDB Local ≈ 2–4 s). */
const lifecycleBudgetMs = 180_000;

type Kill = "at once" | "after a delay";

interface Lane {
  id: string;
  kill: Kill;
  lost: boolean;
}

/** One application through one kill: what it showed once the stack was back. */
interface Outcome {
  round: number;
  point: string;
  kill: Kill;
  /** From the action's answer to the SIGKILL; NaN when the action itself was refused. */
  delayMs: number;
  ok: boolean;
  seen?: ApplicationView;
  refused?: string;
}

async function signIn(url: string): Promise<Users> {
  const [applicant, officer, operator] = await Promise.all(
    ["applicant", "officer", "operator"].map((u) => ApiClient.signIn(url, u)),
  );
  return { applicant: applicant!, officer: officer!, operator: operator! };
}

/** The crash's timing is what the test varies, not a wait for anything. */
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Not in `npm test` yet (issue 14, item 9, in progress): a lifecycle of ten restarts takes minutes on
// two cores, and DynamoDB Local was seen to lose a write it had answered when java was killed the same
// millisecond (submit, schedule-inspection). Run it by hand: CRASH_TEST=1 (or CRASH_REPEAT=n).
const byHand = !process.env.CRASH_TEST && !process.env.CRASH_REPEAT;

describe.skipIf(byHand)("progress survives a crash at any point (SIGKILL of the local stack)", () => {
  let dataDir: string | undefined;
  let stack: CrashableStack;
  const outcomes: Outcome[] = [];
  const restartMs: number[] = [];

  afterAll(async () => {
    // Here too, so a run that timed out still says how far it got.
    if (outcomes.length > 0) console.log(summary(outcomes, restartMs));
    try {
      await crashAll();
      if (dataDir) expect(processesMentioning(dataDir)).toEqual([]);
    } finally {
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    }
  });

  /** Kills the stack, starts it again on the same folder and signs the users in at its new port. */
  async function crashAndRestart(): Promise<{ killedAt: number; users: Users }> {
    const killedAt = Date.now();
    await stack.crash();
    stack = await startCrashableStack(dataDir!, false);
    restartMs.push(Date.now() - killedAt);
    return { killedAt, users: await signIn(stack.url) };
  }

  /** One lifecycle, a kill after each point; returns the histories that are not the expected one. */
  async function runLifecycle(round: number): Promise<string[]> {
    let users = await signIn(stack.url);
    const lanes: Lane[] = [];
    for (const kill of ["after a delay", "at once"] as const)
      lanes.push({ id: await drivenTo(users, 0, `${round}-${kill}`), kill, lost: false });

    for (const [index, point] of lifecycle.entries()) {
      const answeredAt = new Map<Lane, number>();
      for (const lane of lanes) {
        const res = await point.run(users, lane.id);
        if (res.status !== 200) {
          lane.lost = true;
          const refused = `${res.status} ${JSON.stringify(res.body)}`.slice(0, 300);
          outcomes.push({
            round,
            point: point.action,
            kill: lane.kill,
            delayMs: Number.NaN,
            ok: false,
            refused,
          });
          continue;
        }
        answeredAt.set(lane, Date.now());
        if (lane.kill === "after a delay") await pause(Math.random() * maxExtraDelayMs);
      }
      const restarted = await crashAndRestart();
      users = restarted.users;
      const checked = await Promise.all(
        [...answeredAt].map(async ([lane, at]) => ({
          lane,
          delayMs: restarted.killedAt - at,
          ...(await awaitProgress(users.officer, lane.id, point, recoveryTimeoutMs)),
        })),
      );
      for (const { lane, delayMs, ok, seen } of checked) {
        lane.lost ||= !ok;
        outcomes.push({ round, point: point.action, kill: lane.kill, delayMs, ok, seen });
      }
      // A lost application cannot go on: one driven to the next point without a crash takes its
      // place, so every point still gets both of its kills.
      for (const lane of lanes.filter((l) => l.lost && index + 1 < lifecycle.length)) {
        lane.id = await drivenTo(users, index + 1, `${round}-${lane.kill}-after-${point.action}`);
        lane.lost = false;
      }
    }

    const wrongHistories: string[] = [];
    for (const lane of lanes.filter((l) => !l.lost)) {
      const history = await users.applicant.get<{ items: { action: string }[] }>(
        `/applications/${lane.id}/history`,
      );
      const actions = history.body.items.map((e) => e.action);
      if (JSON.stringify(actions) !== JSON.stringify(expectedHistory()))
        wrongHistories.push(`${lane.id} (${lane.kill}): ${actions.join(", ")}`);
    }
    return wrongHistories;
  }

  it(
    `shows where each action led after a kill right after it, and ends COLLECTED (${repeat} lifecycle(s))`,
    async () => {
      dataDir = await mkdtemp(join(tmpdir(), "bizportal-crash-"));
      stack = await startCrashableStack(dataDir, true);
      const wrongHistories: string[] = [];
      for (let round = 0; round < repeat; round++) wrongHistories.push(...(await runLifecycle(round)));

      expect(outcomes.filter((o) => !o.ok)).toEqual([]);
      expect(wrongHistories).toEqual([]);
      expect(outcomes).toHaveLength(lifecycle.length * 2 * repeat);
    },
    repeat * lifecycleBudgetMs,
  );
});

/** Per point: kills, how many left the application without progress, and when those kills came. */
function summary(outcomes: Outcome[], restartMs: number[]): string {
  const rows = lifecycle.map((point) => {
    const at = outcomes.filter((o) => o.point === point.action);
    const lost = at.filter((o) => !o.ok);
    const delays = at.map((o) => o.delayMs).filter((d) => !Number.isNaN(d));
    const head = `  ${point.action.padEnd(20)} ${String(at.length).padStart(3)} kills (${Math.min(...delays)}–${Math.max(...delays)} ms after the answer), ${lost.length} lost`;
    return lost.length === 0 ? head : `${head}:\n${lost.map((o) => `      ${describeLoss(o)}`).join("\n")}`;
  });
  const mean = restartMs.reduce((a, b) => a + b, 0) / Math.max(1, restartMs.length);
  return [
    "Crash recovery by point (kill -9 of the stack's process group, restart on the same data folder):",
    ...rows,
    `  ${restartMs.length} restarts, ${(mean / 1000).toFixed(1)} s on average (kill to ready), ${(Math.max(...restartMs) / 1000).toFixed(1)} s at most`,
  ].join("\n");
}

/** Two ways to lose progress: the action's own write gone, or the workflow stuck between two waits. */
function describeLoss(o: Outcome): string {
  const where = `round ${o.round}, ${o.kill}`;
  if (o.refused) return `${where}: the action was refused: ${o.refused}`;
  const point = lifecycle.find((p) => p.action === o.point)!;
  const waits = o.seen?.waitingFor.map((w) => w.step).join(",");
  const shown = `${o.seen?.status}, waiting for [${waits}]`;
  return o.seen?.status === point.status
    ? `${where}, killed ${o.delayMs} ms after the answer: stuck at ${shown} (expected a wait for ${point.next ?? "nothing"})`
    : `${where}, killed ${o.delayMs} ms after the answer: the answered write is gone: ${shown}`;
}
