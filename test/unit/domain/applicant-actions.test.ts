import { describe, expect, it } from "vitest";
import { withdraw, withdrawableStatuses } from "../../../shared/domain/application/applicant-actions";
import { acknowledgeFixRequest } from "../../../shared/domain/application/fix-request";
import { type ApplicationStatus, applicationStatuses } from "../../../shared/domain/application/status";
import {
  applicant,
  applicationIn,
  domainErrorOf,
  fixDeadline,
  fixRequested,
  hoursLater,
  mondayTen,
} from "./fixtures";

const later = hoursLater(mondayTen, 5);

describe("acknowledgeFixRequest (the applicant signs the s.8 memo)", () => {
  it("records when the memo was acknowledged, with its items and deadline in the event", () => {
    const app = fixRequested();
    const outcome = acknowledgeFixRequest(app, applicant, later);
    expect(outcome.application.status).toBe("FIX_REQUESTED");
    expect(outcome.application.fixRequest).toEqual({
      ...app.fixRequest,
      acknowledgedAt: later.toISOString(),
    });
    expect(outcome.application.version).toBe(app.version + 1);
    expect(outcome.expectedVersion).toBe(app.version);
    expect(outcome.event).toMatchObject({
      action: "acknowledge-fix-request",
      actor: { userId: "applicant-1", role: "applicant" },
      fromStatus: "FIX_REQUESTED",
      toStatus: "FIX_REQUESTED",
      at: "2026-03-02T08:00:00.000Z",
    });
    expect(outcome.event.data).toEqual({
      items: [
        { documentKey: "medicalCertificates", reason: "ใบรับรองแพทย์เกิน 1 เดือน" },
        { documentKey: "otherLawLicenses", reason: "ไม่มีใบอนุญาตก่อสร้างอาคาร" },
      ],
      deadline: fixDeadline,
    });
  });

  it("refuses a second acknowledgement with FIX_REQUEST_ALREADY_ACKNOWLEDGED (409)", () => {
    const once = acknowledgeFixRequest(fixRequested(), applicant, later).application;
    const error = domainErrorOf(() => acknowledgeFixRequest(once, applicant, hoursLater(later, 1)));
    expect(error.code).toBe("FIX_REQUEST_ALREADY_ACKNOWLEDGED");
    expect(error.kind).toBe("conflict");
  });

  const others = applicationStatuses.filter((s) => s !== "FIX_REQUESTED");
  it.each(others)("is refused in %s", (status) => {
    const app = { ...fixRequested(), status };
    const error = domainErrorOf(() => acknowledgeFixRequest(app, applicant, later));
    expect(error.code).toBe("INVALID_STATUS_FOR_ACTION");
    expect(error.detail).toBe(
      `Action "acknowledge-fix-request" is not allowed while the application is ${status}`,
    );
  });

  it("is refused in FIX_REQUESTED without a memo", () => {
    const error = domainErrorOf(() =>
      acknowledgeFixRequest(applicationIn("FIX_REQUESTED"), applicant, later),
    );
    expect(error.code).toBe("INVALID_STATUS_FOR_ACTION");
  });
});

describe("withdraw", () => {
  const allowed: ApplicationStatus[] = [
    "DRAFT",
    "SUBMITTED",
    "FIX_REQUESTED",
    "RESUBMITTED",
    "DOCS_COMPLETE",
    "INSPECTION_SCHEDULED",
    "UNDER_REVIEW",
  ];
  /** The legal clock has started from DOCS_COMPLETE on (confirm-complete sets clockStartedAt). */
  const clockRunning: ApplicationStatus[] = ["DOCS_COMPLETE", "INSPECTION_SCHEDULED", "UNDER_REVIEW"];

  it("allows exactly the statuses before the decision", () => {
    expect([...withdrawableStatuses].sort()).toEqual([...allowed].sort());
  });

  it.each(applicationStatuses.map((status) => ({ status, allowed: allowed.includes(status) })))(
    "from $status: allowed = $allowed",
    ({ status, allowed: isAllowed }) => {
      const app = applicationIn(status, {
        dueAt: "2026-03-04T09:30:00.000Z",
        ...(clockRunning.includes(status) ? { clockStartedAt: "2026-03-02T04:00:00.000Z" } : {}),
      });
      if (!isAllowed) {
        const error = domainErrorOf(() => withdraw(app, applicant, later, "เปลี่ยนใจ"));
        expect(error.code).toBe("INVALID_STATUS_FOR_ACTION");
        expect(error.kind).toBe("conflict");
        return;
      }
      const outcome = withdraw(app, applicant, later, "เปลี่ยนใจ");
      expect(outcome.application.status).toBe("WITHDRAWN");
      expect(outcome.application.withdrawal).toEqual({
        reason: "เปลี่ยนใจ",
        withdrawnAt: "2026-03-02T08:00:00.000Z",
      });
      expect("dueAt" in outcome.application).toBe(false);
      expect(outcome.application.clockStoppedAt).toBe(
        clockRunning.includes(status) ? "2026-03-02T08:00:00.000Z" : undefined,
      );
      expect(outcome.event).toMatchObject({
        action: "withdraw",
        actor: { userId: "applicant-1", role: "applicant" },
        fromStatus: status,
        toStatus: "WITHDRAWN",
        comment: "เปลี่ยนใจ",
      });
      expect(outcome.event.dueAt).toBeUndefined();
    },
  );

  it("stops the clock only when it had started", () => {
    const started = applicationIn("UNDER_REVIEW", { clockStartedAt: "2026-03-02T04:00:00.000Z" });
    expect(withdraw(started, applicant, later).application.clockStoppedAt).toBe("2026-03-02T08:00:00.000Z");
    const notStarted = applicationIn("SUBMITTED");
    expect("clockStoppedAt" in withdraw(notStarted, applicant, later).application).toBe(false);
  });

  it("without a reason records only when, and the event has no comment", () => {
    const outcome = withdraw(applicationIn("SUBMITTED"), applicant, later);
    expect(outcome.application.withdrawal).toEqual({ withdrawnAt: "2026-03-02T08:00:00.000Z" });
    expect(outcome.event.comment).toBeUndefined();
  });

  it("from FIX_REQUESTED keeps the memo for the record", () => {
    const app = fixRequested();
    const outcome = withdraw(app, applicant, later, "ไม่ประสงค์ดำเนินการต่อ");
    expect(outcome.application.fixRequest).toEqual(app.fixRequest);
    expect(outcome.application.withdrawal?.reason).toBe("ไม่ประสงค์ดำเนินการต่อ");
  });
});
