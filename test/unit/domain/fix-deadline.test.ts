import { describe, expect, it } from "vitest";
import {
  checkFixDeadline,
  defaultFixDeadlineMaxDays,
  latestFixDeadline,
} from "../../../shared/domain/application/fix-request";
import { domainErrorOf, foodType, mondayTen } from "./fixtures";

/** s.8: the fix deadline is real — in the future, and not months away. */
describe("the fix deadline's bounds", () => {
  it("keeps a deadline a week or two ahead, as officers set today, in UTC", () => {
    expect(checkFixDeadline("2026-03-09T16:30:00+07:00", foodType, mondayTen)).toBe(
      "2026-03-09T09:30:00.000Z",
    );
    expect(checkFixDeadline("2026-03-16T16:30:00+07:00", foodType, mondayTen)).toBe(
      "2026-03-16T09:30:00.000Z",
    );
  });

  it("allows up to 90 calendar days ahead, to the millisecond", () => {
    const latest = latestFixDeadline(foodType, mondayTen);
    expect(latest.getTime() - mondayTen.getTime()).toBe(defaultFixDeadlineMaxDays * 86_400_000);
    expect(checkFixDeadline(latest.toISOString(), foodType, mondayTen)).toBe(latest.toISOString());
  });

  it.each([
    [
      "one millisecond past the limit",
      new Date(latestFixDeadline(foodType, mondayTen).getTime() + 1).toISOString(),
    ],
    ["six months ahead", "2026-09-02T16:30:00+07:00"],
    ["the end of time", "9999-12-31T23:59:59Z"],
  ])("refuses %s with 400 FIX_DEADLINE_TOO_FAR, stating the limit", (_case, deadline) => {
    const error = domainErrorOf(() => checkFixDeadline(deadline, foodType, mondayTen));
    expect([error.code, error.kind]).toEqual(["FIX_DEADLINE_TOO_FAR", "validation"]);
    expect(error.titleEn).toContain("90 days");
    expect(error.titleTh).toContain("90 วัน");
    expect(error.detail).toContain(latestFixDeadline(foodType, mondayTen).toISOString());
  });

  it("takes the license type's own limit where its rules set one", () => {
    const strict = { ...foodType, workflow: { ...foodType.workflow, fixDeadlineMaxDays: 15 } };
    expect(checkFixDeadline("2026-03-16T16:30:00+07:00", strict, mondayTen)).toBe("2026-03-16T09:30:00.000Z");
    const error = domainErrorOf(() => checkFixDeadline("2026-03-20T16:30:00+07:00", strict, mondayTen));
    expect(error.code).toBe("FIX_DEADLINE_TOO_FAR");
    expect(error.titleEn).toContain("15 days");
  });

  it("refuses a deadline that is not in the future with 400 INVALID_REQUEST", () => {
    const error = domainErrorOf(() => checkFixDeadline(mondayTen.toISOString(), foodType, mondayTen));
    expect([error.code, error.kind]).toEqual(["INVALID_REQUEST", "validation"]);
  });
});
