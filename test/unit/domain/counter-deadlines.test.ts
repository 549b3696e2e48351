import { describe, expect, it } from "vitest";
import { allLicenseTypes, findLicenseType } from "../../../shared/catalog";
import { ApplicationDeadlines } from "../../../shared/domain/application/deadlines";
import { mondayTen } from "./fixtures";

/**
 * Issue 15: a registration done at the counter in minutes is timed in minutes of office time, not
 * given a multi-day wait. Commercial registration (004 line 2272): documents checked in 30 + 5
 * minutes, the whole within 60 minutes.
 */
const deadlines = new ApplicationDeadlines();
const registration = findLicenseType("sao-khlong-dan-3ce34d50")!;
const minutes = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 60_000;

describe("a counter registration's clock", () => {
  it("is the catalog's commercial registration, a counter registration stated in minutes", () => {
    expect(registration.family).toBe("counterRegistration");
    expect(registration.manual.totalDuration).toMatchObject({ max: 60, unit: "minute" });
  });

  it("checks the documents within 35 minutes of a submission at 10:00 on a working Monday", () => {
    expect(minutes(mondayTen, deadlines.completenessCheckDue(mondayTen, registration))).toBe(35);
  });

  it("is due to decide within the hour of the documents being complete, the same morning", () => {
    expect(minutes(mondayTen, deadlines.decisionDue(mondayTen, registration))).toBe(60);
  });

  it("never waits a day for any counter registration of the catalog submitted at 10:00 on a Monday", () => {
    for (const type of allLicenseTypes().filter((t) => t.family === "counterRegistration")) {
      expect(minutes(mondayTen, deadlines.completenessCheckDue(mondayTen, type)), type.id).toBeLessThan(
        8 * 60,
      );
      expect(minutes(mondayTen, deadlines.decisionDue(mondayTen, type)), type.id).toBeLessThan(8 * 60);
    }
  });
});
