import { describe, expect, it } from "vitest";
import type { Application } from "../../../../shared/domain/application/types";
import { feeDue, nextStepOf } from "../../../../shared/domain/business/smart-track";

const app = (patch: Partial<Application>) => ({ status: "DRAFT", ...patch }) as Application;

describe("Smart Track: what each application waits for", () => {
  it("a draft waits for its applicant to submit; a submission for the completeness check", () => {
    expect(nextStepOf(app({}))).toEqual({ by: "applicant", step: "submit" });
    expect(nextStepOf(app({ status: "SUBMITTED" }))).toEqual({ by: "agency", step: "completenessCheck" });
  });

  it("the step it waits at, and whose move it is", () => {
    expect(
      nextStepOf(app({ status: "FIX_REQUESTED", awaiting: { step: "applicantFix", round: 2 } })),
    ).toEqual({
      by: "applicant",
      step: "applicantFix",
    });
    expect(nextStepOf(app({ status: "DOCS_COMPLETE", awaiting: { step: "inspection", round: 2 } }))).toEqual({
      by: "agency",
      step: "inspection",
    });
    expect(nextStepOf(app({ status: "REJECTED" }))).toBeNull();
  });

  it("the fee is due after approval until payment is confirmed", () => {
    const decision = { outcome: "approved" as const, feeTHB: 3000, decidedAt: "", decidedBy: "" };
    expect(feeDue(app({ status: "APPROVED", decision }))).toBe(3000);
    expect(
      feeDue(
        app({
          status: "PAYMENT_CONFIRMED",
          decision,
          payment: { receiptNumber: "R", amountTHB: 3000, channel: "counter", confirmedAt: "" },
        }),
      ),
    ).toBeNull();
    expect(feeDue(app({ status: "SUBMITTED" }))).toBeNull();
  });
});
