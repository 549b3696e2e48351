import * as caseTypes from "./case-types-and-variants";
import * as officerFlow from "./officer-flow";
import * as overdue from "./overdue-decisions";
import * as workingDays from "./working-days-and-fixes";

/** Every scenario table, in the order of docs/scenarios.md. */
export const scenarioTables = [workingDays, overdue, officerFlow, caseTypes];

/** The suite as a Markdown table: what each scenario gives, does and expects. */
export function scenarioMarkdown(): string {
  const rows = scenarioTables.flatMap(({ title, table }) => [
    `\n## ${title}\n`,
    "| Scenario | Given | When | Then |",
    "|---|---|---|---|",
    ...table.map(
      (s) => `| ${[s.name, s.given, s.when, s.then].map((c) => c.replaceAll("|", "\\|")).join(" | ")} |`,
    ),
  ]);
  const count = scenarioTables.reduce((n, t) => n + t.table.length, 0);
  return [
    "# Scenario suite: the legal clock and the officer workflow",
    "",
    `${count} scenarios, each run by \`npm test\` against a fresh local stack (test/e2e/scenarios/): the API,`,
    "DynamoDB Local, s3rver and the deployed state machines on aws-local-stepfunctions, with the clock",
    "moved forward instead of waiting. Generated from the tables in test/e2e/scenarios/tables/;",
    "`UPDATE_SCENARIOS=1 npx vitest run test/unit/scenario-table.test.ts` rewrites it.",
    ...rows,
    "",
  ].join("\n");
}
