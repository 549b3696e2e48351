import type { LicenseType, ManualDurationData } from "../../catalog/schema";
import {
  type CalendarWarning,
  type CountedPeriod,
  defaultWorkingDayClock,
  type WorkingDayClock,
} from "../working-days";
import type { Application } from "./types";

/**
 * Due times of the steps an application waits at, from the license type's manual. The legal clock
 * (s.10) runs from "documents complete"; the completeness check itself is timed from submission.
 */
export class ApplicationDeadlines {
  constructor(private readonly clock: WorkingDayClock = defaultWorkingDayClock()) {}

  /** The manual's document-check steps, counted from when the submission counts as received. */
  completenessCheckDue(submittedAt: Date, licenseType: LicenseType): Date {
    let at = this.clock.startOfCounting(submittedAt);
    for (const step of licenseType.manual.steps) {
      if (step.stepType !== "documentCheck" || !step.duration) continue;
      at = this.clock.dueAt(at, step.duration);
    }
    return at;
  }

  /**
   * s.10: the decision is due within the legal limit, else the manual's stated total. It is the
   * authority's own deadline, so its last day counts even on a holiday (APA s.64 para. 2, ADR 0004).
   */
  decisionDue(completeAt: Date, licenseType: LicenseType): Date {
    const limit = licenseType.manual.legalTimeLimit ?? licenseType.manual.totalDuration;
    const start = this.clock.startOfCounting(completeAt);
    return limit?.unit ? this.clock.dueAt(start, limit, { onNonWorkingDay: "keep" }) : start;
  }

  /** Payment is due within the manual's fee-payment step, or one working day if it gives none. */
  paymentDue(approvedAt: Date, licenseType: LicenseType): Date {
    const step = licenseType.manual.steps.find((s) => s.stepType === "feePayment");
    return this.after(approvedAt, step?.duration ?? oneWorkingDay);
  }

  /** Issuing after payment: not timed by the manuals; one working day is our service standard. */
  issueDue(paidAt: Date): Date {
    return this.after(paidAt, oneWorkingDay);
  }

  private after(at: Date, duration: ManualDurationData): Date {
    return this.clock.dueAt(this.clock.startOfCounting(at), duration);
  }
}

const oneWorkingDay: ManualDurationData = { raw: "1 วันทำการ", min: 1, max: 1, unit: "workingDay" };

/**
 * Whether an application's due dates were counted over a year whose holidays are not verified: the
 * decision due time from the legal clock's start, and the current due time from `countedAt` (when it
 * was set) unless it is the fix deadline the officer wrote, a date given rather than counted.
 */
export function dueDatesCalendarWarning(
  app: Application,
  countedAt: Date,
  clock: WorkingDayClock = defaultWorkingDayClock(),
): CalendarWarning | undefined {
  const periods: CountedPeriod[] = [];
  if (app.decisionDueAt)
    periods.push({
      from: new Date(app.clockStartedAt ?? app.decisionDueAt),
      to: new Date(app.decisionDueAt),
    });
  if (app.dueAt && app.dueAt !== app.fixRequest?.deadline && app.dueAt !== app.decisionDueAt)
    periods.push({ from: countedAt, to: new Date(app.dueAt) });
  return clock.calendarWarning(periods);
}
