import type { ChildProcess } from "node:child_process";
import { constants } from "node:os";

/**
 * Process lifecycle for the embedded local AWS stack.
 *
 * - `onShutdown(fn)` registers an async stop function. `runShutdown()` runs every registered function
 *   exactly once, in reverse registration order (last started, first stopped).
 * - `installSignalHandlers()` makes SIGINT (Ctrl-C), SIGTERM and SIGHUP run the shutdown and then exit
 *   with 128 + signal number. A second signal while shutting down forces an immediate exit. When the
 *   event loop drains (`beforeExit`) pending stop functions are run as well.
 * - `onExitSync(fn)` / `trackChild(child)` register synchronous last-resort cleanups that run on
 *   `process.on("exit")`, i.e. also on `process.exit()` and uncaught exceptions, where async work is
 *   impossible. Tracked children are SIGKILLed there. A SIGKILL of this process itself cannot be
 *   intercepted; a child spawned by it survives that case.
 */

export type ShutdownFn = () => void | Promise<void>;

export interface SignalHandlerOptions {
  /** Signals to handle. Default: SIGINT, SIGTERM, SIGHUP. */
  signals?: readonly NodeJS.Signals[];
  /** Upper bound for the graceful shutdown triggered by a signal before exiting anyway. Default 10 s. */
  timeoutMs?: number;
  /** Called for diagnostics (shutdown errors, forced exits). Default: console.error. */
  log?: (message: string) => void;
}

interface ShutdownEntry {
  readonly fn: ShutdownFn;
  readonly name: string;
}

const shutdownEntries: ShutdownEntry[] = [];
const exitSyncFns = new Set<() => void>();
let shutdownInFlight: Promise<void> | undefined;
let exitHookInstalled = false;
let signalHandlersInstalled = false;
let log: (message: string) => void = (message) => console.error(message);

/** Registers a stop function. Returns a function that unregisters it (call it after a manual stop). */
export function onShutdown(fn: ShutdownFn, name: string = fn.name || "anonymous"): () => void {
  const entry: ShutdownEntry = { fn, name };
  shutdownEntries.push(entry);
  return () => {
    const index = shutdownEntries.indexOf(entry);
    if (index !== -1) shutdownEntries.splice(index, 1);
  };
}

/**
 * Runs every registered stop function once, last registered first. Errors are logged and do not stop
 * the remaining functions. Concurrent calls share the same run.
 */
export function runShutdown(): Promise<void> {
  if (shutdownInFlight) return shutdownInFlight;
  shutdownInFlight = (async () => {
    try {
      for (let entry = shutdownEntries.pop(); entry !== undefined; entry = shutdownEntries.pop()) {
        try {
          await entry.fn();
        } catch (err) {
          log(`[lifecycle] shutdown step "${entry.name}" failed: ${describe(err)}`);
        }
      }
    } finally {
      shutdownInFlight = undefined;
    }
  })();
  return shutdownInFlight;
}

/** Registers a synchronous cleanup for `process.on("exit")`. Returns an unregister function. */
export function onExitSync(fn: () => void): () => void {
  installExitHook();
  exitSyncFns.add(fn);
  return () => {
    exitSyncFns.delete(fn);
  };
}

/**
 * Makes sure `child` is SIGKILLed if this process exits while the child is still running, and installs
 * the signal handlers (idempotent) so that SIGTERM/SIGINT sent to this process alone do not orphan it.
 * Returns an unregister function.
 */
export function trackChild(child: ChildProcess): () => void {
  installSignalHandlers();
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill("SIGKILL");
      } catch {
        // already gone
      }
    }
  };
  const untrack = onExitSync(kill);
  child.once("exit", untrack);
  return untrack;
}

/** Installs SIGINT/SIGTERM/SIGHUP + beforeExit handlers. Idempotent: only the first call's options apply. */
export function installSignalHandlers(options: SignalHandlerOptions = {}): void {
  installExitHook();
  if (signalHandlersInstalled) return;
  signalHandlersInstalled = true;
  if (options.log) log = options.log;
  const timeoutMs = options.timeoutMs ?? 10_000;
  let receivedSignal: NodeJS.Signals | undefined;

  const handler = (signal: NodeJS.Signals) => {
    const exitCode = 128 + (constants.signals[signal] ?? 0);
    if (receivedSignal !== undefined) {
      log(`[lifecycle] received ${signal} during shutdown, exiting immediately`);
      process.exit(exitCode);
    }
    receivedSignal = signal;
    const timer = setTimeout(() => {
      log(`[lifecycle] shutdown did not finish within ${timeoutMs} ms, exiting`);
      process.exit(exitCode);
    }, timeoutMs);
    timer.unref();
    void runShutdown().finally(() => process.exit(exitCode));
  };

  for (const signal of options.signals ?? (["SIGINT", "SIGTERM", "SIGHUP"] as const)) {
    process.on(signal, handler);
  }
  process.on("beforeExit", () => {
    if (shutdownEntries.length > 0) void runShutdown();
  });
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const fn of [...exitSyncFns].reverse()) {
      try {
        fn();
      } catch {
        // last resort: nothing sensible left to do
      }
    }
    exitSyncFns.clear();
  });
}

function describe(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}
