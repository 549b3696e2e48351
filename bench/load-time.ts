import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** What each spawned process runs: time one dynamic import of the bundle, print milliseconds. */
const probeSource = `import { pathToFileURL } from "node:url";
const t = performance.now();
await import(pathToFileURL(process.argv[2]).href);
process.stdout.write(String(performance.now() - t));
process.exit(0);
`;

/** Dummy values for everything CDK sets, so module init (and anything reading env at import) cannot throw. */
export const dummyEnv: Record<string, string> = {
  AWS_REGION: "ap-southeast-7",
  TABLE_NAME: "bench-table",
  BUCKET_NAME: "bench-documents",
  WORKFLOW_ARNS: JSON.stringify({
    "license-inspection-payment-pickup":
      "arn:aws:states:ap-southeast-7:000000000000:stateMachine:bench-license-inspection-payment-pickup",
  }),
  FIX_REQUESTS_TOPIC_ARN: "arn:aws:sns:ap-southeast-7:000000000000:bench-fix-requests",
  APPROVALS_TOPIC_ARN: "arn:aws:sns:ap-southeast-7:000000000000:bench-approvals",
  OVERDUE_TOPIC_ARN: "arn:aws:sns:ap-southeast-7:000000000000:bench-overdue",
  POWERTOOLS_LOG_LEVEL: "WARN",
};

export class LoadTimer {
  private constructor(private readonly probe: string) {}

  static async create(dir: string): Promise<LoadTimer> {
    const probe = join(dir, "load-probe.mjs");
    await writeFile(probe, probeSource);
    return new LoadTimer(probe);
  }

  /** One fresh `node` (the one running this script, i.e. the project's Node 22), one import. */
  async once(bundle: string): Promise<number> {
    const env: Record<string, string> = {};
    // No inherited loaders or flags (tsx, --enable-source-maps…): a plain Node importing the bundle.
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== "NODE_OPTIONS") env[k] = v;
    const { stdout } = await run(process.execPath, [this.probe, bundle], { env: { ...env, ...dummyEnv } });
    const ms = Number(stdout.trim());
    if (!Number.isFinite(ms)) throw new Error(`Load probe printed ${JSON.stringify(stdout)} for ${bundle}`);
    return ms;
  }

  /**
   * `runs` measurements of each bundle, interleaved (ours, naive, naive, ours, …: the order alternates
   * per round so drift hits both sides alike). Without a naive bundle only ours is measured.
   */
  async compare(
    ours: string,
    naive: string | undefined,
    runs: number,
  ): Promise<{ ours: number[]; naive: number[] }> {
    const samples = { ours: [] as number[], naive: [] as number[] };
    for (let i = 0; i < runs; i++) {
      const order: ("ours" | "naive")[] = !naive
        ? ["ours"]
        : i % 2 === 0
          ? ["ours", "naive"]
          : ["naive", "ours"];
      for (const which of order) samples[which].push(await this.once(which === "ours" ? ours : naive!));
    }
    return samples;
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
