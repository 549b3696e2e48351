import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { scenarioMarkdown, scenarioTables } from "../e2e/scenarios/tables";

const doc = new URL("../../docs/scenarios.md", import.meta.url);

describe("the scenario suite", () => {
  it("has at least 25 uniquely named scenarios, each with given, when and then", () => {
    const all = scenarioTables.flatMap((t) => t.table);
    expect(all.length).toBeGreaterThanOrEqual(25);
    expect(new Set(all.map((s) => s.name.split(" ")[0])).size).toBe(all.length);
    for (const s of all) for (const part of [s.given, s.when, s.then]) expect(part.length).toBeGreaterThan(5);
  });

  it("is documented as a table in docs/scenarios.md", () => {
    if (process.env.UPDATE_SCENARIOS) writeFileSync(doc, scenarioMarkdown());
    expect(readFileSync(doc, "utf8")).toBe(scenarioMarkdown());
  });
});
