import { describe, expect, it } from "vitest";
import type { LicenseType } from "../../../shared/catalog";
import { ApplicationDeadlines } from "../../../shared/domain/application/deadlines";
import {
  applyOfficerAction,
  type OfficerActionContext,
} from "../../../shared/domain/application/officer-actions";
import {
  type ApplicationStatus,
  applicationStatuses,
  type HumanStep,
} from "../../../shared/domain/application/status";
import type { Application } from "../../../shared/domain/application/types";
import type { OfficerAction, OfficerActionName } from "../../../shared/schemas/officer-actions";
import { applicationIn, domainErrorOf, foodType, fridayEvening, mondayTen, officer } from "./fixtures";

const deadlines = new ApplicationDeadlines();
const licenseNumber = "KD-FOOD200-2569-000001";
const ctx = (overrides: Partial<OfficerActionContext> = {}): OfficerActionContext => ({
  licenseType: foodType,
  officer,
  now: mondayTen,
  deadlines,
  licenseNumber,
  ...overrides,
});

const fixDeadline = "2026-03-16T09:30:00.000Z";
const sample: { [A in OfficerActionName]: Extract<OfficerAction, { action: A }> } = {
  "request-fix": {
    action: "request-fix",
    items: [{ documentKey: "medicalCertificates", reason: "ใบรับรองแพทย์หมดอายุ" }],
    deadline: fixDeadline,
    comment: "โปรดแนบใบรับรองแพทย์ฉบับใหม่",
  },
  "confirm-complete": { action: "confirm-complete" },
  "schedule-inspection": {
    action: "schedule-inspection",
    scheduledAt: "2026-03-10T03:00:00.000Z",
    place: "99 หมู่ 3 ตำบลคลองด่าน",
  },
  "record-inspection": { action: "record-inspection", result: "passed", findings: "สุขลักษณะถูกต้อง" },
  "record-delay-reason": { action: "record-delay-reason", reason: "รอผลตรวจน้ำจากห้องปฏิบัติการ" },
  "record-committee-resolution": {
    action: "record-committee-resolution",
    resolution: "recommendApproval",
    minutes: "ที่ประชุมมีมติเห็นชอบ",
  },
  approve: { action: "approve", feeTHB: 2500 },
  reject: { action: "reject", reasons: ["ไม่ผ่านเกณฑ์สุขลักษณะ", "ไม่มีที่ล้างมือ"] },
  "issue-assessment": { action: "issue-assessment", assessmentNumber: "ภ.ป.3-001", amountTHB: 400 },
  "confirm-payment": {
    action: "confirm-payment",
    receiptNumber: "R-2569-0042",
    amountTHB: 2500,
    channel: "counter",
  },
  "issue-license": { action: "issue-license" },
  "confirm-pickup": { action: "confirm-pickup", collectedBy: "นายสมชาย ใจดี" },
};

/** The food-premises type has an inspection and a fee: the expected rule of every action. */
const table: Record<
  OfficerActionName,
  { from: ApplicationStatus[]; to: ApplicationStatus | "unchanged"; ends?: HumanStep }
> = {
  "request-fix": { from: ["SUBMITTED", "RESUBMITTED"], to: "FIX_REQUESTED", ends: "completenessCheck" },
  "confirm-complete": { from: ["SUBMITTED", "RESUBMITTED"], to: "DOCS_COMPLETE", ends: "completenessCheck" },
  "schedule-inspection": { from: ["DOCS_COMPLETE", "INSPECTION_SCHEDULED"], to: "INSPECTION_SCHEDULED" },
  "record-inspection": {
    from: ["DOCS_COMPLETE", "INSPECTION_SCHEDULED"],
    to: "UNDER_REVIEW",
    ends: "inspection",
  },
  "record-delay-reason": { from: ["DOCS_COMPLETE", "INSPECTION_SCHEDULED", "UNDER_REVIEW"], to: "unchanged" },
  // Only license types with a committee step (the food type has none).
  "record-committee-resolution": { from: [], to: "UNDER_REVIEW", ends: "committee" },
  approve: { from: ["UNDER_REVIEW"], to: "APPROVED", ends: "decision" },
  // A refusal may come at any point of consideration, before any inspection (issue 13, item 10).
  reject: {
    from: ["DOCS_COMPLETE", "INSPECTION_SCHEDULED", "UNDER_REVIEW"],
    to: "REJECTED",
    ends: "decision",
  },
  // Only license types with an assessment (signboard tax) have this step.
  "issue-assessment": { from: [], to: "APPROVED", ends: "assessment" },
  "confirm-payment": { from: ["APPROVED"], to: "PAYMENT_CONFIRMED", ends: "payment" },
  "issue-license": { from: ["PAYMENT_CONFIRMED"], to: "LICENSE_ISSUED", ends: "licenseIssue" },
  "confirm-pickup": { from: ["LICENSE_ISSUED"], to: "COLLECTED", ends: "pickup" },
};

const cases = (Object.keys(table) as OfficerActionName[]).flatMap((action) =>
  applicationStatuses.map((status) => ({ action, status, allowed: table[action].from.includes(status) })),
);

describe("a refusal during the inspection", () => {
  it("ends the step the application waits at: the inspection, the committee or the decision", () => {
    for (const step of ["inspection", "decision"] as const) {
      const app = applicationIn("DOCS_COMPLETE", { awaiting: { step, round: 4 } });
      const outcome = applyOfficerAction(app, sample.reject, ctx());
      expect([outcome.application.status, outcome.outcome?.step]).toEqual(["REJECTED", step]);
      expect(outcome.outcome).toMatchObject({ round: 4, action: "reject" });
      // The workflow ends with a refusal: nothing more to wait at.
      expect(outcome.application.awaiting).toBeUndefined();
      expect(outcome.application.decision).toMatchObject({ outcome: "rejected" });
    }
  });

  it("is not a way for other actions to end steps they do not own: approval waits for the inspection", () => {
    const app = applicationIn("UNDER_REVIEW", { awaiting: { step: "inspection", round: 4 } });
    const error = domainErrorOf(() => applyOfficerAction(app, sample.approve, ctx()));
    expect([error.code, error.detail]).toEqual([
      "WORKFLOW_NOT_WAITING",
      'The workflow is not waiting at step "inspection"',
    ]);
  });
});

describe("which statuses each action is allowed from", () => {
  it.each(cases)("$action from $status: allowed = $allowed", ({ action, status, allowed }) => {
    const app = applicationIn(status);
    if (allowed) {
      const outcome = applyOfficerAction(app, sample[action], ctx());
      const to = table[action].to === "unchanged" ? status : table[action].to;
      expect(outcome.application.status).toBe(to);
      // A refusal ends whichever consideration step the application waits at.
      expect(outcome.outcome?.step).toBe(action === "reject" ? app.awaiting?.step : table[action].ends);
      expect(outcome.event).toMatchObject({ action, fromStatus: status, toStatus: to });
      expect(outcome.event.actor).toEqual({ userId: "officer-1", role: "officer" });
      expect(outcome.application.version).toBe(6);
    } else {
      const error = domainErrorOf(() => applyOfficerAction(app, sample[action], ctx()));
      const afterComplete = ["DOCS_COMPLETE", "INSPECTION_SCHEDULED", "UNDER_REVIEW"].includes(status);
      // s.8: once complete, a fix request is refused with its own code, not a generic one.
      expect(error.code).toBe(
        action === "request-fix" && afterComplete
          ? "FIX_NOT_ALLOWED_AFTER_COMPLETE"
          : "INVALID_STATUS_FOR_ACTION",
      );
      expect(error.kind).toBe("conflict");
    }
  });

  const plain: LicenseType = {
    ...foodType,
    workflow: { ...foodType.workflow, inspection: false, payment: false },
  };
  it("without an inspection, a decision may follow DOCS_COMPLETE directly", () => {
    const outcome = applyOfficerAction(
      applicationIn("DOCS_COMPLETE", { awaiting: { step: "decision", round: 3 } }),
      sample.approve,
      ctx({ licenseType: plain }),
    );
    expect(outcome.application.status).toBe("APPROVED");
  });

  it("without a fee, the license is issued straight after approval, not after a payment", () => {
    const issued = applyOfficerAction(
      applicationIn("APPROVED", { awaiting: { step: "licenseIssue", round: 5 } }),
      sample["issue-license"],
      ctx({ licenseType: plain }),
    );
    expect(issued.application.status).toBe("LICENSE_ISSUED");
    // There is no payment step to confirm.
    const error = domainErrorOf(() =>
      applyOfficerAction(
        applicationIn("APPROVED", { awaiting: { step: "licenseIssue", round: 5 } }),
        sample["confirm-payment"],
        ctx({ licenseType: plain }),
      ),
    );
    expect(error.code).toBe("INVALID_STATUS_FOR_ACTION");
  });
});

describe("request-fix", () => {
  const submitted = () => applicationIn("SUBMITTED");

  it("records the deficiency memo and hands the deadline to the workflow", () => {
    const outcome = applyOfficerAction(submitted(), sample["request-fix"], ctx());
    expect(outcome.application.fixRequest).toEqual({
      items: [{ documentKey: "medicalCertificates", reason: "ใบรับรองแพทย์หมดอายุ" }],
      deadline: fixDeadline,
      comment: "โปรดแนบใบรับรองแพทย์ฉบับใหม่",
      requestedBy: "officer-1",
      requestedAt: "2026-03-02T03:00:00.000Z",
    });
    expect(outcome.application.dueAt).toBe(fixDeadline);
    expect(outcome.outcome).toMatchObject({ step: "completenessCheck", action: "request-fix", round: 3 });
    expect(outcome.outcome?.notice?.notification).toMatchObject({
      id: `${outcome.application.id}:3:fixRequested`,
      data: { deadline: fixDeadline },
    });
    expect(outcome.application.awaiting).toEqual({ step: "applicantFix", round: 4 });
  });

  it("stores a deadline given with an offset in UTC, so due times sort as strings", () => {
    const outcome = applyOfficerAction(
      submitted(),
      { ...sample["request-fix"], deadline: "2026-03-16T16:30:00+07:00" },
      ctx(),
    );
    expect(outcome.application.dueAt).toBe("2026-03-16T09:30:00.000Z");
    expect(outcome.application.fixRequest?.deadline).toBe("2026-03-16T09:30:00.000Z");
  });

  it("refuses a deadline that is not in the future with 400", () => {
    for (const deadline of ["2026-03-01T03:00:00.000Z", mondayTen.toISOString()]) {
      const error = domainErrorOf(() =>
        applyOfficerAction(submitted(), { ...sample["request-fix"], deadline }, ctx()),
      );
      expect(error.code).toBe("INVALID_REQUEST");
      expect(error.kind).toBe("validation");
    }
  });

  it("refuses a document the manual does not list with 400", () => {
    const items = [{ documentKey: "passport", reason: "ไม่ชัด" }];
    const error = domainErrorOf(() =>
      applyOfficerAction(submitted(), { ...sample["request-fix"], items }, ctx()),
    );
    expect(error.code).toBe("UNKNOWN_DOCUMENT_REQUIREMENT");
    expect(error.kind).toBe("validation");
  });
});

describe("confirm-complete", () => {
  it("starts the legal clock: decision due within 30 calendar days (s.56), at 16:30 Bangkok", () => {
    const withFix: Application = applicationIn("RESUBMITTED", {
      fixRequest: {
        items: [],
        deadline: fixDeadline,
        requestedBy: "officer-1",
        requestedAt: "2026-03-02T04:00:00Z",
      },
    });
    const outcome = applyOfficerAction(withFix, sample["confirm-complete"], ctx());
    expect(outcome.application.clockStartedAt).toBe("2026-03-02T03:00:00.000Z");
    // Confirmed Monday 2 March 10:00: day 1 is Tuesday 3 March, day 30 is Wednesday 1 April.
    expect(outcome.application.decisionDueAt).toBe("2026-04-01T09:30:00.000Z");
    expect(outcome.application.dueAt).toBe("2026-04-01T09:30:00.000Z");
    expect(outcome.application.fixRequest).toBeUndefined();
    expect(outcome.event.data).toEqual({ decisionDueAt: "2026-04-01T09:30:00.000Z" });
  });

  it("counts a confirmation made after hours from the next working day's opening", () => {
    const outcome = applyOfficerAction(
      applicationIn("SUBMITTED"),
      sample["confirm-complete"],
      ctx({ now: fridayEvening }),
    );
    // Counting starts Monday 9 March 08:30, so that day is day 1; day 30 is Tuesday 7 April.
    expect(outcome.application.decisionDueAt).toBe("2026-04-07T09:30:00.000Z");
  });
});

describe("schedule-inspection", () => {
  it("is recorded without resuming the workflow", () => {
    const outcome = applyOfficerAction(applicationIn("DOCS_COMPLETE"), sample["schedule-inspection"], ctx());
    // Scheduling only annotates: the step goes on waiting.
    expect(outcome.outcome).toBeUndefined();
    expect(outcome.application.awaiting).toEqual({ step: "inspection", round: 3 });
    expect(outcome.application.inspection).toEqual({
      scheduledAt: "2026-03-10T03:00:00.000Z",
      place: "99 หมู่ 3 ตำบลคลองด่าน",
    });
  });

  it("keeps the schedule when the inspection result is recorded", () => {
    const scheduled = applyOfficerAction(
      applicationIn("DOCS_COMPLETE"),
      sample["schedule-inspection"],
      ctx(),
    );
    const recorded = applyOfficerAction(scheduled.application, sample["record-inspection"], ctx());
    expect(recorded.application.inspection).toEqual({
      scheduledAt: "2026-03-10T03:00:00.000Z",
      place: "99 หมู่ 3 ตำบลคลองด่าน",
      result: "passed",
      findings: "สุขลักษณะถูกต้อง",
    });
  });
});

describe("approve and reject", () => {
  const review = () => applicationIn("UNDER_REVIEW", { decision: undefined });

  it("approves with a fee up to the manual's 3,000 THB cap", () => {
    const outcome = applyOfficerAction(review(), { action: "approve", feeTHB: 3000 }, ctx());
    expect(outcome.application.decision).toEqual({
      outcome: "approved",
      feeTHB: 3000,
      decidedAt: "2026-03-02T03:00:00.000Z",
      decidedBy: "officer-1",
    });
    // Payment within the manual's "1 วัน"; Tuesday 3 March 2026 is Makha Bucha, so Wednesday 16:30.
    expect(outcome.application.dueAt).toBe("2026-03-04T09:30:00.000Z");
  });

  it("refuses a fee above the cap with INVALID_FEE", () => {
    const error = domainErrorOf(() =>
      applyOfficerAction(review(), { action: "approve", feeTHB: 3000.01 }, ctx()),
    );
    expect(error.code).toBe("INVALID_FEE");
    expect(error.kind).toBe("validation");
  });

  it("rejects with the reasons and stops the clock", () => {
    const outcome = applyOfficerAction(review(), sample.reject, ctx());
    expect(outcome.application.decision).toEqual({
      outcome: "rejected",
      reasons: ["ไม่ผ่านเกณฑ์สุขลักษณะ", "ไม่มีที่ล้างมือ"],
      decidedAt: "2026-03-02T03:00:00.000Z",
      decidedBy: "officer-1",
    });
    expect(outcome.application.clockStoppedAt).toBe("2026-03-02T03:00:00.000Z");
    expect(outcome.application.dueAt).toBeUndefined();
    expect(outcome.event.comment).toBe("ไม่ผ่านเกณฑ์สุขลักษณะ; ไม่มีที่ล้างมือ");
  });
});

describe("payment, issue and pickup", () => {
  it("confirms a payment equal to the approved fee", () => {
    const outcome = applyOfficerAction(applicationIn("APPROVED"), sample["confirm-payment"], ctx());
    expect(outcome.application.payment).toEqual({
      receiptNumber: "R-2569-0042",
      amountTHB: 2500,
      channel: "counter",
      confirmedAt: "2026-03-02T03:00:00.000Z",
    });
  });

  it("refuses a payment that differs from the approved fee", () => {
    const error = domainErrorOf(() =>
      applyOfficerAction(applicationIn("APPROVED"), { ...sample["confirm-payment"], amountTHB: 2000 }, ctx()),
    );
    expect(error.code).toBe("INVALID_FEE");
    expect(error.detail).toBe("The amount paid (2,000 THB) differs from the amount due (2,500 THB)");
    expect(error.detailTh).toBe("จำนวนเงินที่ชำระ (2,000 บาท) ไม่ตรงกับจำนวนที่ต้องชำระ (2,500 บาท)");
  });

  it("issues the license under the allocated number, and needs one", () => {
    const app = applicationIn("PAYMENT_CONFIRMED", { dueAt: "2026-03-04T09:30:00.000Z" });
    const outcome = applyOfficerAction(app, sample["issue-license"], ctx());
    expect(outcome.application.licenseNumber).toBe(licenseNumber);
    expect(outcome.application.dueAt).toBeUndefined();
    expect(() => applyOfficerAction(app, sample["issue-license"], ctx({ licenseNumber: undefined }))).toThrow(
      "issue-license needs an allocated license number",
    );
  });

  it("confirms the pickup: COLLECTED, clock stopped", () => {
    const outcome = applyOfficerAction(applicationIn("LICENSE_ISSUED"), sample["confirm-pickup"], ctx());
    expect(outcome.application.status).toBe("COLLECTED");
    expect(outcome.application.collectedAt).toBe("2026-03-02T03:00:00.000Z");
    expect(outcome.application.clockStoppedAt).toBe("2026-03-02T03:00:00.000Z");
    expect(outcome.event.data).toEqual({ collectedBy: "นายสมชาย ใจดี" });
    expect(outcome.outcome).toMatchObject({ step: "pickup", action: "confirm-pickup" });
    expect(outcome.application.awaiting).toBeUndefined();
  });
});
