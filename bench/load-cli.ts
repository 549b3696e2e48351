import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { type LocalServerProcess, startLocalServerProcess } from "../scripts/local-server-process";
import { byRoute, runLoad, summarize } from "./load";

/**
 * One load run on its own, for profiling and for checking a fix: `tsx bench/load-cli.ts --clients 50
 * --seconds 30` starts `npm start` in a child process (fresh temporary data), or `--url` loads a
 * server already running (e.g. one started under `node --cpu-prof`).
 */
export async function serverClock(url: string): Promise<() => Date> {
  const token = await fetch(`${url}/local/token`, {
    method: "POST",
    body: JSON.stringify({ username: "operator" }),
  });
  const { id_token } = (await token.json()) as { id_token: string };
  const res = await fetch(`${url}/local/clock`, { headers: { authorization: `Bearer ${id_token}` } });
  const { now } = (await res.json()) as { now: string };
  // The local clock runs at real speed unless moved, and the load never moves it.
  const offset = Date.parse(now) - Date.now();
  return () => new Date(Date.now() + offset);
}

async function main() {
  const { values } = parseArgs({
    options: {
      clients: { type: "string", default: "50" },
      seconds: { type: "string", default: "30" },
      url: { type: "string" },
      "poll-ms": { type: "string", default: "100" },
      "server-log": { type: "string" },
    },
  });
  const server: LocalServerProcess | undefined = values.url ? undefined : await startLocalServerProcess();
  const url = values.url ?? server!.url;
  try {
    const result = await runLoad({
      url,
      clients: Number(values.clients),
      durationMs: Number(values.seconds) * 1000,
      pollMs: Number(values["poll-ms"]),
      now: await serverClock(url),
    });
    const out = {
      clients: result.clients,
      seconds: Number(values.seconds),
      wallS: Math.round(result.wallMs / 100) / 10,
      lifecycles: { ...result.lifecycles, perSecond: Math.round(result.lifecycles.perSecond * 100) / 100 },
      actions: summarize(result.samples, "action"),
      attach: summarize(result.samples, "attach"),
      upload: summarize(result.samples, "upload"),
      all: summarize(result.samples),
      polls: result.samples.filter((s) => s.poll).length,
      byRoute: byRoute(result.samples),
    };
    console.log(JSON.stringify(out, null, 2));
    if (server) {
      const log = server.output();
      if (values["server-log"]) await writeFile(values["server-log"], log);
      const errors = log.split("\n").filter((l) => /error/i.test(l));
      if (errors.length)
        console.log(
          `server log: ${errors.length} lines mention errors; first:\n${errors.slice(0, 20).join("\n")}`,
        );
    }
  } finally {
    await server?.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
