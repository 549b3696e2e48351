import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));

export interface LocalServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

export interface LocalServerOptions {
  timeoutMs?: number;
  /** More `npm start` arguments, e.g. `["--clock", "2026-04-10T17:00:00+07:00"]`. */
  args?: string[];
  /** This data folder, kept on stop; by default a temporary one, removed on stop. */
  dataDir?: string;
  /** `--fresh` (the default); false restarts on what `dataDir` holds. */
  fresh?: boolean;
  /**
   * Its own process group (the server and its java child), so a crash test can SIGKILL the whole
   * group at once, as a power cut would, instead of letting the server stop its children.
   */
  detached?: boolean;
  /** More environment for the server (added to this process's). */
  env?: Record<string, string>;
  /** Called as soon as the child exists, before it is up: a caller that may die meanwhile can kill it. */
  onSpawn?: (child: ChildProcess) => void;
}

/**
 * `npm start` in a child process, on a free port and a fresh temporary data folder: for the demo and
 * for tests that must drive the backend from outside, over HTTP only. Rejects with the output when
 * the server exits before it is up (e.g. a refused `--clock`).
 */
export async function startLocalServerProcess(options: LocalServerOptions = {}): Promise<LocalServerProcess> {
  const { timeoutMs = 60_000, args = [], fresh = true, detached = false } = options;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), "bizportal-server-")));
  const child = spawn(
    process.execPath,
    [
      join(projectRoot, "node_modules/tsx/dist/cli.mjs"),
      join(projectRoot, "infra/local/main.ts"),
      ...(fresh ? ["--fresh"] : []),
      "--port",
      "0",
      "--data-dir",
      dataDir,
      ...args,
    ],
    {
      cwd: projectRoot,
      env: { ...process.env, NODE_OPTIONS: "", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
      detached,
    },
  );
  options.onSpawn?.(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Not left running behind the caller's back: the caller never gets a handle to stop it.
      if (detached && child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      else child.kill("SIGINT");
      reject(new Error(`The local server did not start in time:\n${output}`));
    }, timeoutMs);
    const check = () => {
      const m = /is up at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout?.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The local server exited (${code}) before it was up:\n${output}`));
    });
  });
  return {
    url,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGINT");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
