import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { type BuildOptions, build, type Metafile } from "esbuild";

/**
 * esbuild options of `bizFunction` (infra/constructs/function.ts → NodejsFunction bundling), as the
 * flags CDK passes: --bundle --target=node22 --platform=node --format=esm --outfile=…/index.mjs
 * --minify --sourcemap --sources-content=false --banner:js=… --main-fields=module,main, no --external.
 */
export const cdkBanner =
  "import { createRequire } from 'module';const require = createRequire(import.meta.url);";

export function cdkOptions(projectRoot: string, outdir: string): BuildOptions {
  return {
    absWorkingDir: projectRoot,
    bundle: true,
    target: "node22",
    platform: "node",
    format: "esm",
    outfile: join(outdir, "index.mjs"),
    minify: true,
    charset: "utf8",
    sourcemap: true,
    sourcesContent: false,
    external: [],
    banner: { js: cdkBanner },
    mainFields: ["module", "main"],
    metafile: true,
    logLevel: "warning",
  };
}

/** Warns when infra/constructs/function.ts no longer carries the options this bench copies. */
export async function cdkDrift(projectRoot: string): Promise<string[]> {
  let source: string;
  try {
    source = await readFile(join(projectRoot, "infra/constructs/function.ts"), "utf8");
  } catch {
    return ["infra/constructs/function.ts not found: using the documented defaults"];
  }
  const expected: [string, RegExp][] = [
    ["minify: true", /minify:\s*true/],
    ["charset: Charset.UTF8", /charset:\s*Charset\.UTF8/],
    ["sourceMap: true", /sourceMap:\s*true/],
    ["sourcesContent: false", /sourcesContent:\s*false/],
    ["format: OutputFormat.ESM", /format:\s*OutputFormat\.ESM/],
    ['target: "node22"', /target:\s*"node22"/],
    ['mainFields: ["module", "main"]', /mainFields:\s*\[\s*"module",\s*"main"\s*\]/],
    ["banner", new RegExp(cdkBanner.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))],
    ["externalModules: []", /externalModules:\s*\[\s*\]/],
  ];
  return expected.filter(([, re]) => !re.test(source)).map(([what]) => `function.ts no longer has ${what}`);
}

export interface InputShare {
  path: string;
  bytes: number;
}

export interface BundleResult {
  file: string;
  bytes: number;
  /** @aws-sdk/client-* packages whose files are in the bundle. */
  sdkClients: string[];
  usesLibDynamodb: boolean;
  /** Inputs by bytes they contribute to the minified output, largest first. */
  topInputs: InputShare[];
  /** The same, summed per npm package (or per first-level project folder). */
  topPackages: InputShare[];
  /** Bytes in the output from the AWS SDK v3 (@aws-sdk/*, @smithy/*, @aws-crypto/*). */
  sdkBytes: number;
  /** Every input file with its size, to tell whether two builds saw the same sources. */
  inputBytes: Map<string, number>;
}

export async function bundle(options: BuildOptions): Promise<BundleResult> {
  const result = await build(options);
  const file = options.outfile!;
  const metafile = result.metafile as Metafile;
  const output = Object.entries(metafile.outputs).find(([name]) => name.endsWith(".mjs"))?.[1];
  if (!output) throw new Error(`esbuild wrote no .mjs for ${file}`);
  const inputs = Object.keys(metafile.inputs);
  const sdkClients = new Set<string>();
  for (const input of inputs)
    for (const match of input.matchAll(/node_modules\/@aws-sdk\/(client-[^/]+)\//g))
      sdkClients.add(`@aws-sdk/${match[1]}`);
  const shares = Object.entries(output.inputs).map(([path, v]) => ({ path, bytes: v.bytesInOutput }));
  const byPackage = new Map<string, number>();
  for (const s of shares) byPackage.set(packageOf(s.path), (byPackage.get(packageOf(s.path)) ?? 0) + s.bytes);
  return {
    file,
    bytes: (await stat(file)).size,
    sdkClients: [...sdkClients].sort(),
    usesLibDynamodb: inputs.some((i) => i.includes("node_modules/@aws-sdk/lib-dynamodb/")),
    topInputs: top(shares),
    topPackages: top([...byPackage].map(([path, bytes]) => ({ path, bytes }))),
    sdkBytes: [...byPackage]
      .filter(([p]) => /(^|\/node_modules\/)@(aws-sdk|smithy|aws-crypto)\//.test(p))
      .reduce((sum, [, bytes]) => sum + bytes, 0),
    inputBytes: new Map(Object.entries(metafile.inputs).map(([path, v]) => [path, v.bytes])),
  };
}

function top(shares: InputShare[], n = 5): InputShare[] {
  return [...shares].sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path)).slice(0, n);
}

/** "zod", "@aws-sdk/client-s3", a nested copy as "@aws-sdk/s3-presigned-post/node_modules/@aws-sdk/client-s3". */
function packageOf(path: string): string {
  if (!path.startsWith("node_modules/")) return path.split("/").slice(0, 2).join("/");
  const segments = path.slice("node_modules/".length).split("/node_modules/");
  const names = segments.map((seg) => {
    const parts = seg.split("/");
    return parts[0]?.startsWith("@") ? `${parts[0]}/${parts[1]}` : (parts[0] ?? seg);
  });
  return names.join("/node_modules/");
}

/**
 * The handler as if written without tree-shaking care: every SDK v3 client it uses (and
 * lib-dynamodb) imported whole, each namespace kept alive so esbuild cannot drop its commands.
 */
export function naiveEntry(handlerEntry: string, ours: BundleResult): string | undefined {
  const packages = [...ours.sdkClients, ...(ours.usesLibDynamodb ? ["@aws-sdk/lib-dynamodb"] : [])];
  if (ours.sdkClients.length === 0) return undefined;
  const lines = [`export { handler } from ${JSON.stringify(`./${handlerEntry}`)};`];
  packages.forEach((p, i) => {
    lines.push(`import * as Sdk${i} from ${JSON.stringify(p)};`);
  });
  lines.push(
    `(globalThis as Record<string, unknown>).__naive = [${packages.map((_, i) => `Sdk${i}`).join(", ")}];`,
  );
  return lines.join("\n");
}

export function naiveOptions(projectRoot: string, outdir: string, contents: string): BuildOptions {
  return {
    ...cdkOptions(projectRoot, outdir),
    // The wrapper resolves from the project root, so bare specifiers find the pinned node_modules.
    stdin: { contents, resolveDir: projectRoot, sourcefile: "naive-entry.ts", loader: "ts" },
  };
}

/** Files of `ours` that the naive build did not see, or saw with another size (sources edited mid-run). */
export function sourceDrift(ours: BundleResult, naive: BundleResult): string[] {
  return [...ours.inputBytes]
    .filter(([path, bytes]) => naive.inputBytes.get(path) !== bytes)
    .map(([path]) => path);
}
