import { describe, expect, it } from "vitest";
import { findLicenseType } from "../../../shared/catalog";
import { ApplicationDeadlines } from "../../../shared/domain/application/deadlines";

const food = findLicenseType("food-premises-over-200sqm-klong-dan")!;
const deadlines = new ApplicationDeadlines();

describe("the s.10 decision due time", () => {
  it("is 30 calendar days after documents complete, ending 16:30 Bangkok", () => {
    // Wednesday 3 March 2027 10:00 → day 1 is 4 March → day 30 is Friday 2 April.
    expect(deadlines.decisionDue(new Date("2027-03-03T03:00:00Z"), food).toISOString()).toBe(
      "2027-04-02T09:30:00.000Z",
    );
  });

  it("keeps its last day on a weekend: it is the authority's own deadline (APA s.64 para. 2)", () => {
    // Thursday 4 March 2027 10:00 → day 30 is Saturday 3 April: due then, not on Monday.
    expect(deadlines.decisionDue(new Date("2027-03-04T03:00:00Z"), food).toISOString()).toBe(
      "2027-04-03T09:30:00.000Z",
    );
  });

  it("counts from the next working day when completeness is confirmed after office hours", () => {
    // Friday 5 March 2027 18:00 → counting starts Monday 8 March 08:30, so day 1 is 8 March: day 30 is 6 April,
    // Chakri Memorial Day, which the authority's deadline keeps.
    expect(deadlines.decisionDue(new Date("2027-03-05T11:00:00Z"), food).toISOString()).toBe(
      "2027-04-06T09:30:00.000Z",
    );
  });
});
