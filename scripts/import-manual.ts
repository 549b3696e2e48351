import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { reportedFields } from "../shared/catalog/importer/field-report";
import { importManual, UnknownManualLayout } from "../shared/catalog/importer/import-manual";

/**
 * `npm run import-manual -- <manual.txt> --authority <id> --out <dir>`: one citizen manual exported
 * as text → one JSON file per process (a catalog entry before review) and `report.json` (for each
 * process and field: parsed, missing or ambiguous, with its source line).
 */
const usage = "usage: npm run import-manual -- <manual.txt> --authority <agency id> --out <dir>";

function main(): number {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (err) {
    console.error(`${(err as Error).message}\n${usage}`);
    return 2;
  }
  const [file] = args.positionals;
  const { authority, out } = args.values;
  if (!file || !authority || !out || args.positionals.length > 1) {
    console.error(usage);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    console.error(`cannot read ${file}: ${(err as Error).message}`);
    return 2;
  }

  let result: ReturnType<typeof importManual>;
  try {
    result = importManual(text, { sourceFile: basename(file), authorityId: authority });
  } catch (err) {
    if (err instanceof UnknownManualLayout) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
  mkdirSync(out, { recursive: true });
  for (const entry of result.entries)
    writeFileSync(join(out, `${entry.id}.json`), `${JSON.stringify(entry, null, 2)}\n`);
  writeFileSync(join(out, "report.json"), `${JSON.stringify(result.report, null, 2)}\n`);

  const { report } = result;
  console.log(
    `${report.sourceFile}: ${report.layout} layout, ${report.processes.length} processes` +
      ` (authority: ${report.authority ?? "not found"}), ${report.warnings.length} manual-level warnings`,
  );
  console.log(`${"field".padEnd(18)} parsed  missing  ambiguous`);
  for (const field of reportedFields) {
    const t = report.totals[field];
    console.log(
      `${field.padEnd(18)} ${String(t.parsed).padStart(6)} ${String(t.missing).padStart(8)} ${String(t.ambiguous).padStart(10)}`,
    );
  }
  console.log(`wrote ${result.entries.length} entries and report.json to ${out}`);
  return 0;
}

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: { authority: { type: "string" }, out: { type: "string" } },
  });
}

process.exitCode = main();
