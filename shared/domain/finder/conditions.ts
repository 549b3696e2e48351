import type { FinderCondition } from "../../catalog/finder/schema";

/** What the finder knows of a business: its answers and what its activity implies. */
export type Facts = Readonly<Record<string, string | number | boolean | undefined>>;

/** Whether one condition holds; a fact not known (not asked, not answered) never satisfies one. */
export function conditionHolds(condition: FinderCondition, facts: Facts): boolean {
  const value = facts[condition.field];
  if (value === undefined) return false;
  if ("equals" in condition) return value === condition.equals;
  if ("oneOf" in condition) return typeof value === "string" && condition.oneOf.includes(value);
  if (typeof value !== "number") return false;
  if ("greaterThan" in condition) return value > condition.greaterThan;
  if ("atLeast" in condition) return value >= condition.atLeast;
  return value <= condition.atMost;
}

export function allHold(conditions: readonly FinderCondition[], facts: Facts): boolean {
  return conditions.every((c) => conditionHolds(c, facts));
}
