import { describe, expect, it } from "vitest";
import { findLicenseType, type LicenseType } from "../../../shared/catalog";
import { ApplicationDeadlines } from "../../../shared/domain/application/deadlines";
import {
  applyOfficerAction,
  type OfficerActionContext,
} from "../../../shared/domain/application/officer-actions";
import { type ApplicationStatus, applicationStatuses } from "../../../shared/domain/application/status";
import type { Application } from "../../../shared/domain/application/types";
import type { OfficerAction } from "../../../shared/schemas/officer-actions";
import { applicationIn, awaitingFor, domainErrorOf, foodType, mondayTen, officer } from "./fixtures";

const deadlines = new ApplicationDeadlines();
const signboard: LicenseType = findLicenseType("signboard-tax-klong-dan")!;
const closure: LicenseType = findLicenseType("food-premises-over-200sqm-closure-wang-hin")!;
const building: LicenseType = findLicenseType("building-construction-permit-klong-dan")!;
const at = mondayTen.toISOString();

const ctx = (licenseType: LicenseType): OfficerActionContext => ({
  licenseType,
  officer,
  now: mondayTen,
  deadlines,
  licenseNumber: "KD-SIGN-2569-000001",
});
const appOf = (lt: LicenseType, status: ApplicationStatus, overrides: Partial<Application> = {}) => {
  // After an assessment, the application waits for its payment.
  const awaiting =
    status === "APPROVED" && overrides.assessment
      ? { step: "payment" as const, round: 4 }
      : awaitingFor(status, lt);
  const app = applicationIn(status, {
    licenseTypeId: lt.id,
    agencyId: lt.agencyId,
    caseType: lt.caseType,
    decision: undefined,
    ...overrides,
  });
  if (awaiting) app.awaiting = awaiting;
  else delete app.awaiting;
  return app;
};
const act = (lt: LicenseType, app: Application, action: OfficerAction) =>
  applyOfficerAction(app, action, ctx(lt));

describe("the catalog's variants", () => {
  it("signboard tax: assessment then payment; closure: a cancellation; building permit: a committee", () => {
    expect(signboard.workflow).toMatchObject({ assessment: true, payment: true, inspection: false });
    expect(closure.caseType).toBe("cancel");
    expect(building.workflow).toMatchObject({ committee: true, inspection: true });
  });
});

describe("assessment (signboard tax)", () => {
  const assessed = (amountTHB: number) =>
    appOf(signboard, "APPROVED", {
      decision: { outcome: "approved", feeTHB: 0, decidedAt: at, decidedBy: "officer-1" },
      assessment: { assessmentNumber: "ภ.ป.3-2569-017", amountTHB, issuedAt: at },
    });

  it("refuses an approval fee other than 0: the assessment states the amount", () => {
    const error = domainErrorOf(() =>
      act(signboard, appOf(signboard, "DOCS_COMPLETE"), { action: "approve", feeTHB: 100 }),
    );
    expect(error).toMatchObject({ code: "INVALID_FEE", kind: "validation" });
    const approved = act(signboard, appOf(signboard, "DOCS_COMPLETE"), { action: "approve", feeTHB: 0 });
    expect(approved.application.status).toBe("APPROVED");
    expect(approved.application.decision?.feeTHB).toBe(0);
    expect(approved.application.closedAt).toBeUndefined();
  });

  it("issue-assessment sets the amount, the payment due time, and ends the assessment step", () => {
    const outcome = act(signboard, appOf(signboard, "APPROVED"), {
      action: "issue-assessment",
      assessmentNumber: "ภ.ป.3-2569-017",
      amountTHB: 1_240,
      trackingNumber: "EF123456789TH",
    });
    expect(outcome.application.status).toBe("APPROVED");
    expect(outcome.application.assessment).toEqual({
      assessmentNumber: "ภ.ป.3-2569-017",
      amountTHB: 1_240,
      issuedAt: at,
      trackingNumber: "EF123456789TH",
    });
    expect(outcome.application.dueAt).toBe(deadlines.paymentDue(mondayTen, signboard).toISOString());
    expect(outcome.outcome?.step).toBe("assessment");
    expect(outcome.event.comment).toBe("เลขติดตามพัสดุ EF123456789TH");
    expect(outcome.event.data).toEqual({ assessmentNumber: "ภ.ป.3-2569-017", amountTHB: 1_240 });
  });

  it("issue-assessment without a tracking number has no comment", () => {
    const outcome = act(signboard, appOf(signboard, "APPROVED"), {
      action: "issue-assessment",
      assessmentNumber: "A-1",
      amountTHB: 400,
    });
    expect(outcome.application.assessment).toEqual({ assessmentNumber: "A-1", amountTHB: 400, issuedAt: at });
    expect(outcome.event.comment).toBeUndefined();
  });

  it("issue-assessment is not an action of a type without an assessment", () => {
    const error = domainErrorOf(() =>
      act(foodType, applicationIn("APPROVED"), {
        action: "issue-assessment",
        assessmentNumber: "A",
        amountTHB: 1,
      }),
    );
    expect(error.code).toBe("INVALID_STATUS_FOR_ACTION");
  });

  it("the payment must equal the assessed amount, not the zero approval fee", () => {
    const pay = (amountTHB: number): OfficerAction => ({
      action: "confirm-payment",
      channel: "counter",
      receiptNumber: "R-1",
      amountTHB,
    });
    const zero = domainErrorOf(() => act(signboard, assessed(1_240), pay(0)));
    expect(zero).toMatchObject({ code: "INVALID_FEE" });
    expect(zero.detail).toBe("The amount paid (0 THB) differs from the amount due (1,240 THB)");
    expect(domainErrorOf(() => act(signboard, assessed(1_240), pay(1_240.01))).code).toBe("INVALID_FEE");
    expect(act(signboard, assessed(1_240), pay(1_240)).application.status).toBe("PAYMENT_CONFIRMED");
  });

  it("a bill payment keeps its reference and closes the case: no license follows", () => {
    const outcome = act(signboard, assessed(1_240), {
      action: "confirm-payment",
      channel: "billPayment",
      receiptNumber: "R-2569-0100",
      amountTHB: 1_240,
      reference: "BP-REF-778812",
    });
    expect(outcome.application.payment).toEqual({
      receiptNumber: "R-2569-0100",
      amountTHB: 1_240,
      channel: "billPayment",
      reference: "BP-REF-778812",
      confirmedAt: at,
    });
    expect(outcome.application.closedAt).toBe(at);
    expect(outcome.application.clockStoppedAt).toBe(at);
    expect(outcome.application).not.toHaveProperty("dueAt");
    expect(outcome.outcome?.step).toBe("payment");
    expect(outcome.event.data).toEqual({
      receiptNumber: "R-2569-0100",
      amountTHB: 1_240,
      channel: "billPayment",
    });
  });

  it("for a license type, a bill payment keeps the reference but the case goes on to the issue", () => {
    const outcome = act(foodType, applicationIn("APPROVED"), {
      action: "confirm-payment",
      channel: "billPayment",
      receiptNumber: "R-7",
      amountTHB: 2500,
      reference: "BP-1",
    });
    expect(outcome.application.payment?.reference).toBe("BP-1");
    expect(outcome.application.closedAt).toBeUndefined();
    expect(outcome.application.dueAt).toBe(deadlines.issueDue(mondayTen).toISOString());
  });

  it("a counter payment has no reference", () => {
    const outcome = act(signboard, assessed(400), {
      action: "confirm-payment",
      channel: "counter",
      receiptNumber: "R-2",
      amountTHB: 400,
    });
    expect(outcome.application.payment).not.toHaveProperty("reference");
  });
});

describe("cancellation (closure of a food premises)", () => {
  it("the approval closes the case and stops the clock, naming the license it cancels", () => {
    const app = appOf(closure, "DOCS_COMPLETE", {
      formData: { licenseNumber: "WH-FOOD200-2568-000003" },
      dueAt: "2026-03-20T09:30:00.000Z",
    });
    const outcome = act(closure, app, { action: "approve", feeTHB: 0 });
    expect(outcome.application.status).toBe("APPROVED");
    expect(outcome.application.closedAt).toBe(at);
    expect(outcome.application.clockStoppedAt).toBe(at);
    expect(outcome.application).not.toHaveProperty("dueAt");
    expect(outcome.outcome?.step).toBe("decision");
    expect(outcome.event.data).toEqual({ feeTHB: 0, cancelsLicense: "WH-FOOD200-2568-000003" });
  });
});

describe("issue-license is no action of a cancellation or an assessment", () => {
  const cases = [closure, signboard].flatMap((lt) => applicationStatuses.map((status) => ({ lt, status })));
  it.each(cases)("$lt.id from $status", ({ lt, status }) => {
    const error = domainErrorOf(() => act(lt, appOf(lt, status), { action: "issue-license" }));
    expect(error.code).toBe("INVALID_STATUS_FOR_ACTION");
  });
});

describe("record-committee-resolution (building permit)", () => {
  const resolution: OfficerAction = {
    action: "record-committee-resolution",
    resolution: "recommendRejection",
    minutes: "ที่ประชุมมีมติไม่เห็นชอบ ระยะร่นไม่เป็นไปตามกฎกระทรวง",
  };

  it("after the inspection, from UNDER_REVIEW: ends the committee step", () => {
    const outcome = act(building, appOf(building, "UNDER_REVIEW"), resolution);
    expect(outcome.application.status).toBe("UNDER_REVIEW");
    expect(outcome.outcome?.step).toBe("committee");
    expect(outcome.event.comment).toBe("ที่ประชุมมีมติไม่เห็นชอบ ระยะร่นไม่เป็นไปตามกฎกระทรวง");
    expect(outcome.event.data).toEqual({ resolution: "recommendRejection" });
    expect(outcome.outcome).toMatchObject({ action: "record-committee-resolution" });
    expect(outcome.application.awaiting?.step).toBe("decision");
  });

  it.each(applicationStatuses.filter((s) => s !== "UNDER_REVIEW"))("is refused from %s", (status) => {
    expect(domainErrorOf(() => act(building, appOf(building, status), resolution)).code).toBe(
      "INVALID_STATUS_FOR_ACTION",
    );
  });

  it("for a committee type without an inspection, from DOCS_COMPLETE too", () => {
    const direct: LicenseType = { ...building, workflow: { ...building.workflow, inspection: false } };
    const outcome = act(direct, appOf(direct, "DOCS_COMPLETE"), resolution);
    expect(outcome.application.status).toBe("UNDER_REVIEW");
    expect(domainErrorOf(() => act(direct, appOf(direct, "INSPECTION_SCHEDULED"), resolution)).code).toBe(
      "INVALID_STATUS_FOR_ACTION",
    );
  });
});

describe("record-delay-reason", () => {
  const delay: OfficerAction = { action: "record-delay-reason", reason: "รอความเห็นจากสำนักงานโยธาธิการจังหวัด" };

  it.each<ApplicationStatus>(["DOCS_COMPLETE", "INSPECTION_SCHEDULED", "UNDER_REVIEW"])(
    "in %s records the reason and leaves the status and the workflow as they are",
    (status) => {
      const app = appOf(building, status, { dueAt: "2026-04-01T09:30:00.000Z" });
      const outcome = act(building, app, delay);
      expect(outcome.application.status).toBe(status);
      expect(outcome.application.dueAt).toBe("2026-04-01T09:30:00.000Z");
      expect(outcome.application.delayReason).toEqual({
        reason: "รอความเห็นจากสำนักงานโยธาธิการจังหวัด",
        recordedAt: at,
        recordedBy: "officer-1",
      });
      expect(outcome.event).toMatchObject({ fromStatus: status, toStatus: status, comment: delay.reason });
      // The step goes on waiting.
      expect(outcome.outcome).toBeUndefined();
      expect(outcome.application.awaiting).toEqual(app.awaiting);
    },
  );

  it("is refused once decided", () => {
    expect(domainErrorOf(() => act(building, appOf(building, "APPROVED"), delay)).code).toBe(
      "INVALID_STATUS_FOR_ACTION",
    );
  });
});
