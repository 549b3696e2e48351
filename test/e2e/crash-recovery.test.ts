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
  cleanUpStacks,
  crashTestDataDir,
  startCrashableStack,
} from "../support/stack-process";

/**
 * Issue 14: progress survives a crash at any point. The local stack runs as its own process group;
 * after each action of a whole lifecycle the group is killed with SIGKILL (node and the java of
 * DynamoDB Local together, no shutdown code run) and started again on the same data folder. The
 * application must then show what the action led to — the status it wrote and the next wait — and
 * go on to COLLECTED with every action in its history once. Two applications share each kill: their
 * actions start a random 0–300 ms apart and the kill comes as the later one answers, so one is
 * killed the moment it answered and the other about that long after its answer, while its workflow
 * runs the tasks between two waits. HTTP and processes only: the test does not depend on how the
 * workflow core keeps its promises.
 *
 * `CRASH_REPEAT=20 npx vitest run test/e2e/crash-recovery.test.ts` runs 20 lifecycles (40 kills per
 * point, two per restart) and prints how many were lost at each point and by the kill's delay.
 */
const repeat = Math.max(1, Number(process.env.CRASH_REPEAT) || 1);

/** How long a restarted stack may take to show where an action led (a loaded 2-core machine). */
const recoveryTimeoutMs = 15_000;
/** The second action starts up to this long after the first, so its kill comes about as long after. */
const maxOffsetMs = 300;
/**
 * A lifecycle is ten restarts of ≈ 5–8 s each (loading the modules ≈ 3 s, DynamoDB Local ≈ 2 s), up
 * to 20 s on a machine busy with other suites; each application lost costs its wait and a new one
 * driven to where it stood, so a lifecycle that loses at every point takes several minutes.
 */
const lifecycleBudgetMs = 480_000;

interface Lane {
  id: string;
  lost: boolean;
}

/** One application through one kill: what it showed once the stack was back. */
interface Outcome {
  round: number;
  point: string;
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

/** The kill's timing is what the test varies: this is not a wait for anything. */
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
    await cleanUpStacks();
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
    for (const n of [1, 2]) lanes.push({ id: await drivenTo(users, 0, `${round}-${n}`), lost: false });

    for (const [index, point] of lifecycle.entries()) {
      const act = async (lane: Lane) => ({ lane, res: await point.run(users, lane.id), at: Date.now() });
      const first = act(lanes[0]!);
      await pause(Math.random() * maxOffsetMs);
      const answers = await Promise.all([first, act(lanes[1]!)]);
      const restarted = await crashAndRestart();
      users = restarted.users;
      const checked = await Promise.all(
        answers.map(async ({ lane, res, at }) => {
          if (res.status !== 200) {
            const refused = `${res.status} ${JSON.stringify(res.body)}`.slice(0, 300);
            return { lane, delayMs: Number.NaN, ok: false, refused };
          }
          const progress = await awaitProgress(users.officer, lane.id, point, recoveryTimeoutMs);
          return { lane, delayMs: restarted.killedAt - at, ...progress };
        }),
      );
      for (const { lane, ...outcome } of checked) {
        lane.lost = !outcome.ok;
        outcomes.push({ round, point: point.action, ...outcome });
      }
      // A lost application cannot go on: one driven to the next point without a crash takes its
      // place, so every point still gets both of its kills.
      for (const [n, lane] of lanes.entries())
        if (lane.lost && index + 1 < lifecycle.length) {
          lane.id = await drivenTo(users, index + 1, `${round}-${n}-after-${point.action}`);
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
        wrongHistories.push(`${lane.id}: ${actions.join(", ")}`);
    }
    return wrongHistories;
  }

  it(
    `shows where each action led after a kill right after it, and ends COLLECTED (${repeat} lifecycle(s))`,
    async () => {
      dataDir = await crashTestDataDir();
      stack = await startCrashableStack(dataDir, true);
      const wrongHistories: string[] = [];
      for (let round = 0; round < repeat; round++) {
        wrongHistories.push(...(await runLifecycle(round)));
        if (repeat > 1)
          console.log(
            `lifecycle ${round + 1}/${repeat}: ${outcomes.filter((o) => !o.ok).length} lost so far`,
          );
      }

      expect(outcomes.filter((o) => !o.ok)).toEqual([]);
      expect(wrongHistories).toEqual([]);
      expect(outcomes).toHaveLength(lifecycle.length * 2 * repeat);
    },
    repeat * lifecycleBudgetMs,
  );
});

/** Per point and by the kill's delay: kills, how many left the application without progress, and how. */
function summary(outcomes: Outcome[], restartMs: number[]): string {
  const line = (label: string, of: Outcome[]) => {
    const lost = of.filter((o) => !o.ok);
    const delays = of.map((o) => o.delayMs).filter((d) => !Number.isNaN(d));
    const range = delays.length ? ` (${Math.min(...delays)}–${Math.max(...delays)} ms after the answer)` : "";
    return `  ${label.padEnd(22)} ${String(lost.length).padStart(3)} of ${String(of.length).padStart(3)} lost${range}`;
  };
  const byPoint = lifecycle.flatMap((point) => {
    const at = outcomes.filter((o) => o.point === point.action);
    const lost = at.filter((o) => !o.ok);
    const kinds = new Map<string, Outcome[]>();
    for (const o of lost) kinds.set(lossKind(o), [...(kinds.get(lossKind(o)) ?? []), o]);
    const when = lost.map((o) => o.delayMs).sort((x, y) => x - y);
    return [
      line(point.action, at),
      ...(lost.length ? [`      lost when killed ${when.join(", ")} ms after the answer`] : []),
      ...[...kinds].map(([kind, of]) => `      ${of.length} × ${kind}, e.g. ${seenAfter(of[0]!)}`),
    ];
  });
  const buckets: [number, number][] = [
    [0, 5],
    [5, 50],
    [50, 150],
    [150, Number.POSITIVE_INFINITY],
  ];
  const byDelay = buckets.map(([from, to]) =>
    line(
      `killed ${from}–${to === Number.POSITIVE_INFINITY ? "" : to} ms after`,
      outcomes.filter((o) => o.delayMs >= from && o.delayMs < to),
    ),
  );
  const mean = restartMs.reduce((x, y) => x + y, 0) / Math.max(1, restartMs.length);
  return [
    "Crash recovery (kill -9 of the stack's process group, restart on the same data folder), by point:",
    ...byPoint,
    "By the kill's delay after the answer:",
    ...byDelay,
    `${restartMs.length} restarts, ${(mean / 1000).toFixed(1)} s on average from kill to ready, ${(Math.max(...restartMs) / 1000).toFixed(1)} s at most`,
  ].join("\n");
}

/** Two ways to lose progress: the action's own write gone, or the workflow stuck between two waits. */
function lossKind(o: Outcome): string {
  if (o.refused) return "the action refused";
  const point = lifecycle.find((p) => p.action === o.point)!;
  return o.seen?.status === point.status
    ? `stuck at ${point.status} with no wait (expected one for ${point.next})`
    : "the write the action answered for gone";
}

function seenAfter(o: Outcome): string {
  const where = `lifecycle ${o.round + 1}, killed ${o.delayMs} ms after the answer`;
  if (o.refused) return `${where}: ${o.refused}`;
  return `${where}: ${o.seen?.status}, waiting for [${o.seen?.waitingFor.map((w) => w.step).join(",")}]`;
}
