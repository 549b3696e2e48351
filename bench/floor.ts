import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { bundle, cdkOptions } from "./bundle";
import { type LoadTimer, median } from "./load-time";

export interface Floor {
  entry: string;
  kb: number;
  loadMedianMs: number;
}

/**
 * Reference bundles built with the same options as ours: what the SDK alone weighs and costs to load.
 * They show which part of a handler's size and load time is ours to reduce.
 */
export async function measureFloors(
  projectRoot: string,
  tmp: string,
  timer: LoadTimer,
  runs: number,
): Promise<Floor[]> {
  const floors: Floor[] = [];
  for (const entry of ["bench/floor/dynamodb-get-item.ts"]) {
    const outdir = join(tmp, "floor", entry.replace(/[^a-z0-9]+/gi, "_"));
    await mkdir(outdir, { recursive: true });
    const built = await bundle({ ...cdkOptions(projectRoot, outdir), entryPoints: [entry] });
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) samples.push(await timer.once(built.file));
    floors.push({
      entry,
      kb: Math.round((built.bytes / 1024) * 10) / 10,
      loadMedianMs: Math.round(median(samples) * 10) / 10,
    });
  }
  return floors;
}
