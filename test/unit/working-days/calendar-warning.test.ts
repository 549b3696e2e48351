import { describe, expect, it } from "vitest";
import { ApplicationDeadlines, dueDatesCalendarWarning } from "../../../shared/domain/application/deadlines";
import { submit } from "../../../shared/domain/application/lifecycle";
import { applyOfficerAction } from "../../../shared/domain/application/officer-actions";
import { defaultWorkingDayClock } from "../../../shared/domain/working-days";
import { applicant, applicationIn, foodType, officer } from "../domain/fixtures";

const clock = defaultWorkingDayClock();
const deadlines = new ApplicationDeadlines();
const bkk = (wall: string) => new Date(`${wall}+07:00`);

describe("the working-day clock's coverage", () => {
  it("reports verified, provisional or unverified per Bangkok year, and how far it is verified", () => {
    expect(clock.calendarCoverage(bkk("2026-04-10T17:00:00"))).toBe("verified");
    expect(clock.calendarCoverage(bkk("2027-01-04T09:00:00"))).toBe("provisional");
    expect(clock.calendarCoverage("2031-01-02")).toBe("unverified");
    expect(clock.verifiedThrough).toBe(2026);
  });

  it("says nothing for periods inside verified years", () => {
    expect(
      clock.calendarWarning([{ from: bkk("2024-01-02T09:00:00"), to: bkk("2026-12-31T16:30:00") }]),
    ).toBe(undefined);
    expect(clock.calendarWarning([])).toBe(undefined);
  });

  it("warns when a period crosses into a provisional year, naming the year in A.D. and B.E.", () => {
    const warning = clock.calendarWarning([
      { from: bkk("2026-12-15T10:00:00"), to: bkk("2027-01-14T16:30:00") },
    ]);
    expect(warning).toMatchObject({ coverage: "provisional", years: [2027], calendarVersion: "2026-12-03" });
    expect(warning?.message).toContain("2027");
    expect(warning?.messageTh).toContain("2570");
  });

  it("calls the worst year crossed: unverified beats provisional", () => {
    const warning = clock.calendarWarning([
      { from: bkk("2030-12-20T10:00:00"), to: bkk("2031-01-20T16:30:00") },
    ]);
    expect(warning).toMatchObject({ coverage: "unverified", years: [2030, 2031] });
    expect(warning?.message).toMatch(/^No reviewed holiday data for 2030, 2031/);
  });
});

describe("an application's calendar warning", () => {
  it("is absent when the decision is due inside a verified year", () => {
    const complete = applyOfficerAction(
      applicationIn("SUBMITTED", { decision: undefined }),
      { action: "confirm-complete" },
      { licenseType: foodType, officer, now: bkk("2026-04-10T10:00:00"), deadlines },
    ).application;
    expect(complete.decisionDueAt).toBe("2026-05-10T09:30:00.000Z");
    expect(complete.calendarWarning).toBeUndefined();
  });

  it("comes with a decision due time counted into 2027, on the application and its history event", () => {
    const outcome = applyOfficerAction(
      applicationIn("SUBMITTED", { decision: undefined }),
      { action: "confirm-complete" },
      { licenseType: foodType, officer, now: bkk("2026-12-14T10:00:00"), deadlines },
    );
    expect(outcome.application.decisionDueAt).toBe("2027-01-13T09:30:00.000Z");
    expect(outcome.application.calendarWarning).toMatchObject({ coverage: "provisional", years: [2027] });
    expect(outcome.event.calendarWarning).toEqual(outcome.application.calendarWarning);
  });

  it("is dropped when the due dates it was about are gone, and ignores the officer's own fix deadline", () => {
    const submitted = submit(
      { ...applicationIn("DRAFT", { decision: undefined, submittedAt: undefined }) },
      foodType,
      applicant,
      bkk("2026-12-31T10:00:00"), // New Year's Eve: counting starts Mon 4 Jan 2027,
      deadlines,
    ).application;
    expect(submitted.calendarWarning).toMatchObject({ years: [2027] });
    const fix = applyOfficerAction(
      submitted,
      {
        action: "request-fix",
        items: [{ documentKey: "idCard", reason: "ไม่ชัด" }],
        deadline: "2027-02-15T16:30:00+07:00",
      },
      { licenseType: foodType, officer, now: bkk("2027-01-04T10:00:00"), deadlines },
    ).application;
    expect(fix.dueAt).toBe("2027-02-15T09:30:00.000Z");
    expect(fix.calendarWarning).toBeUndefined();
    expect(dueDatesCalendarWarning(fix, bkk("2027-01-04T10:00:00"))).toBeUndefined();
  });
});
