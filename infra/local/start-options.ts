import { join } from "node:path";
import { parseArgs } from "node:util";
import { clockExample, LocalStartError, parseClockOption } from "./clock-start";

export interface StartOptions {
  fresh: boolean;
  port: number;
  dataDir: string;
  /** `--clock`: where the clock starts (on an empty data folder only; the stack checks that). */
  clock?: Date;
}

export const startUsage = `Usage: npm start -- [--fresh] [--clock <ISO 8601 instant>] [--port <n>] [--data-dir <dir>]
  --fresh            wipe the data folder first
  --clock <instant>  start the clock there instead of now, e.g. --clock ${clockExample}
                     (only on an empty data folder: on a first start or with --fresh)
  --port <n>         HTTP port on 127.0.0.1 (default $PORT or 3000; 0 picks a free one)
  --data-dir <dir>   where the data lives (default .local/data)`;

/** `npm start`'s arguments; a LocalStartError (with the usage) for anything it cannot take. */
export function parseStartOptions(
  args: string[],
  defaults: { port?: string | undefined; dataDir: string },
): StartOptions {
  let values: { fresh?: boolean; port?: string; "data-dir"?: string; clock?: string };
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        fresh: { type: "boolean" },
        port: { type: "string" },
        "data-dir": { type: "string" },
        clock: { type: "string" },
      },
    }));
  } catch (error) {
    // node:util says "argument missing" or "ambiguous" for a bare `--clock`: say what it needs instead.
    if (/'--clock/.test((error as Error).message)) parseClockOption(undefined);
    throw new LocalStartError(`${(error as Error).message}\n${startUsage}`);
  }
  const port = Number(values.port ?? defaults.port ?? "3000");
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new LocalStartError(`--port ${JSON.stringify(values.port)} is not a port number\n${startUsage}`);
  const options: StartOptions = {
    fresh: values.fresh ?? false,
    port,
    dataDir: values["data-dir"] ?? defaults.dataDir,
  };
  if (values.clock !== undefined) options.clock = parseClockOption(values.clock);
  return options;
}

/** The default data folder of `npm start`. */
export const defaultDataDir = (projectRoot: string) => join(projectRoot, ".local", "data");
