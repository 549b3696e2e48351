import { readdirSync, readFileSync, rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LocalServerProcess, startLocalServerProcess } from "../../scripts/local-server-process";

/**
 * The local stack (`npm start`) as a separate process in its own process group, for crash tests: it
 * can die as a power cut would (SIGKILL to the group: node, tsx's child and the java of DynamoDB
 * Local together, no shutdown code run) and start again on the same data folder.
 */
export interface CrashableStack {
  url: string;
  /** Process group id (the pid of the process `npm start` runs in). */
  pgid: number;
  output(): string;
  /** SIGKILL to the whole group; resolves once no process of the group is left. */
  crash(): Promise<void>;
}

/**
 * Groups still alive and data folders not yet removed, cleaned up when this process ends however it
 * ends (a failed test, a timeout, Ctrl-C): their own process group keeps the stacks out of the
 * terminal's signals, so nothing else would stop them.
 */
const liveGroups = new Set<number>();
const dataDirs = new Set<string>();
let hooksInstalled = false;

function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, "SIGKILL");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

/**
 * Whether a process of the group still runs. A killed process stays a zombie until its parent reaps it,
 * and the grandchildren's new parent (init here) reaps only every second or two: a zombie holds no
 * port and no file, so it does not count.
 */
function groupRunning(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw error;
  }
  const members = listProcesses();
  return members.length === 0 || members.some((p) => p.pgid === pgid && p.state !== "Z");
}

/** The last resort, where nothing can be awaited: kill, let the processes die, remove the folders. */
function cleanUpSync(): void {
  for (const group of liveGroups) killGroup(group);
  // A java still dying could write into a folder being removed: give it up to 3 s, blocking.
  const until = Date.now() + 3_000;
  const tick = new Int32Array(new SharedArrayBuffer(4));
  while ([...liveGroups].some(groupRunning) && Date.now() < until) Atomics.wait(tick, 0, 0, 20);
  liveGroups.clear();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  dataDirs.clear();
}

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on("exit", cleanUpSync);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const onSignal = () => {
      cleanUpSync();
      // Alone, this listener would keep the signal from ending the process: let it end as it would have.
      if (process.listenerCount(signal) === 1) {
        process.off(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
  // A test worker whose runner died (its IPC channel closed) would go on restarting stacks for nobody.
  if (process.connected) process.once("disconnect", () => process.kill(process.pid, "SIGTERM"));
}

function track(pgid: number): void {
  installHooks();
  liveGroups.add(pgid);
}

/** A temporary data folder for crash tests, removed by `cleanUpStacks` or when this process ends. */
export async function crashTestDataDir(): Promise<string> {
  installHooks();
  const dir = await mkdtemp(join(tmpdir(), "bizportal-crash-"));
  dataDirs.add(dir);
  return dir;
}

/** Kills the group and waits until it is gone: the next start must not find the old java holding the database. */
async function killAndReap(pgid: number, timeoutMs = 15_000): Promise<void> {
  killGroup(pgid);
  const until = Date.now() + timeoutMs;
  while (groupRunning(pgid)) {
    if (Date.now() > until)
      throw new Error(`Process group ${pgid} still alive after SIGKILL: ${processesOf(pgid).join("; ")}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  liveGroups.delete(pgid);
}

/** Starts `npm start` on `dataDir` (wiped first when `fresh`), on a free port, in its own process group. */
export async function startCrashableStack(dataDir: string, fresh: boolean): Promise<CrashableStack> {
  let server: LocalServerProcess;
  let pgid: number | undefined;
  try {
    server = await startLocalServerProcess({
      dataDir,
      fresh,
      detached: true,
      // C1 only: the JVM of DynamoDB Local starts in about half the time (≈ 3 s of each restart saved),
      // and a crash test restarts it after every step. Compiler choice does not change what it stores.
      env: { JAVA_TOOL_OPTIONS: "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" },
      onSpawn: (child) => {
        if (child.pid === undefined) return;
        pgid = child.pid;
        track(pgid);
      },
    });
  } catch (error) {
    if (pgid !== undefined) await killAndReap(pgid);
    throw error;
  }
  const group = pgid!;
  return {
    url: server.url,
    pgid: group,
    output: server.output,
    crash: () => killAndReap(group),
  };
}

/**
 * Kills every stack this module started and has not seen die, then removes the data folders (for
 * afterAll, whatever happened); throws when a process of theirs outlives the kill.
 */
export async function cleanUpStacks(): Promise<void> {
  for (const group of [...liveGroups]) await killAndReap(group);
  const leftovers = [...dataDirs].flatMap((dir) => processesMentioning(dir));
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
  dataDirs.clear();
  if (leftovers.length > 0) throw new Error(`Left running after the crash tests: ${leftovers.join("; ")}`);
}

/**
 * Processes whose command line mentions `text` (e.g. a data folder: the java of DynamoDB Local has
 * it in `-dbPath`), read from /proc: what a crash or a cleanup may have left behind.
 */
export function processesMentioning(text: string): string[] {
  return listProcesses()
    .filter((p) => p.cmdline.includes(text) && p.pid !== process.pid)
    .map(describe);
}

function processesOf(pgid: number): string[] {
  return listProcesses()
    .filter((p) => p.pgid === pgid)
    .map(describe);
}

interface ProcessInfo {
  pid: number;
  pgid: number;
  state: string;
  cmdline: string;
}

const describe = (p: ProcessInfo) => `${p.pid} [${p.state}] ${p.cmdline.slice(0, 160)}`;

function listProcesses(): ProcessInfo[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return []; // not Linux: nothing to inspect this way
  }
  const found: ProcessInfo[] = [];
  for (const entry of entries) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name is in parentheses and may hold spaces: the fields after it are fixed.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ").trim();
      found.push({ pid: Number(entry), pgid: Number(fields[2]), state: fields[0] ?? "?", cmdline });
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}
