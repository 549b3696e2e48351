import { expect } from "vitest";
import { findLicenseType } from "../../../../shared/catalog";
import { ApiClient } from "../../../support/api-client";
import { driveToApproval, issueLicense, manualFee, submitApplication } from "../../../support/license-driver";
import type { Scenario } from "../../../support/scenario-world";

/** Case types (new, renew, amend, cancel) and 001's per-license variants, each on its own manual. */
const food = "food-premises-over-200sqm-klong-dan";
const renewal = "food-premises-over-200sqm-renewal-klong-dan";

export const table: Scenario[] = [
  {
    name: "S27 renewal before expiry",
    given: "a food-premises license issued a month ago, valid for one year",
    when: "the holder applies for its renewal (004: ขอต่ออายุ) and it goes through inspection, approval, payment and issue",
    then: "the license keeps its number and is valid one year more; verification shows the new date",
    async run(w) {
      const d = { applicant: w.applicant, officer: w.officer };
      const issued = await issueLicense(d, food);
      const before = (await new ApiClient(w.stack.url).get(`/licenses/${issued.licenseNumber}/verify`)).body;
      await w.later(30);
      const renewed = await issueLicense(d, renewal, { licenseNumber: issued.licenseNumber });
      expect(renewed.licenseNumber).toBe(issued.licenseNumber);
      const after = (await new ApiClient(w.stack.url).get(`/licenses/${issued.licenseNumber}/verify`)).body;
      expect(after.valid).toBe(true);
      const extendedBy = Date.parse(String(after.validUntil)) - Date.parse(String(before.validUntil));
      expect(Math.round(extendedBy / 86_400_000)).toBeGreaterThanOrEqual(365);
    },
  },
  {
    name: "S28 renewal after expiry",
    given: "a food-premises license that expired last month",
    when: "the holder applies for its renewal",
    then: "the submission is refused with LICENSE_EXPIRED_APPLY_NEW (004: apply again as a new applicant)",
    async run(w) {
      const d = { applicant: w.applicant, officer: w.officer };
      const issued = await issueLicense(d, food);
      await w.later(13 * 31);
      const { submitted } = await submitApplication(d, renewal, { licenseNumber: issued.licenseNumber });
      expect([submitted.status, submitted.body.code]).toEqual([409, "LICENSE_EXPIRED_APPLY_NEW"]);
    },
  },
  {
    name: "S29 renewing someone else's license",
    given: "a license held by another business",
    when: "an applicant names it in a renewal",
    then: "the submission is refused with CASE_LICENSE_NOT_HELD",
    async run(w) {
      const issued = await issueLicense({ applicant: w.applicant, officer: w.officer }, food);
      const other = await ApiClient.signIn(w.stack.url, "applicant2");
      const { submitted } = await submitApplication({ applicant: other, officer: w.officer }, renewal, {
        licenseNumber: issued.licenseNumber,
      });
      expect([submitted.status, submitted.body.code]).toEqual([400, "CASE_LICENSE_NOT_HELD"]);
    },
  },
  {
    name: "S30 amendment",
    given: "a fuel-station license (004, ระยะที่ 2) issued to the applicant",
    when: "the holder applies for an amendment that renames the business, and it is approved, paid and issued",
    then: "the same license carries the new name and the amendment, with its validity unchanged",
    async run(w) {
      const d = { applicant: w.applicant, officer: w.officer };
      const issued = await issueLicense(d, "fuel-station-license-klong-dan");
      const before = (await new ApiClient(w.stack.url).get(`/licenses/${issued.licenseNumber}/verify`)).body;
      await issueLicense(d, "fuel-station-amendment-klong-dan", {
        licenseNumber: issued.licenseNumber,
        businessName: "บริษัท ปั๊มคลองด่าน (ชื่อใหม่) จำกัด",
      });
      const after = (await new ApiClient(w.stack.url).get(`/licenses/${issued.licenseNumber}/verify`)).body;
      expect(after).toMatchObject({ valid: true, businessName: "บริษัท ปั๊มคลองด่าน (ชื่อใหม่) จำกัด" });
      expect(after.validUntil).toEqual(before.validUntil);
    },
  },
  {
    name: "S31 cancellation",
    given: "a food-premises license of อบต.วังหิน (003), and its holder closing the business (กรณีแจ้งเลิกกิจการ)",
    when: "the closure is checked and approved by a Wang Hin officer",
    then: "the license is cancelled and verification says so; the application leaves the queue and its workflow ends; nothing is paid",
    async run(w) {
      const wangHin = await ApiClient.signIn(w.stack.url, "officer-other");
      const d = { applicant: w.applicant, officer: wangHin };
      const issued = await issueLicense(d, "food-premises-over-200sqm-wang-hin");
      const closure = findLicenseType("food-premises-over-200sqm-closure-wang-hin")!;
      const { id } = await submitApplication(d, closure.id, { licenseNumber: issued.licenseNumber });
      const approved = await driveToApproval(d, id, closure);
      expect(approved).toMatchObject({ status: "APPROVED" });
      expect(approved.closedAt).toBeTruthy();
      await w.stack.engine.settled();
      expect(w.stack.engine.execution(id)?.status).toBe("SUCCEEDED");
      const verified = (await new ApiClient(w.stack.url).get(`/licenses/${issued.licenseNumber}/verify`))
        .body;
      expect(verified).toMatchObject({ valid: false, reason: "cancelled" });
      const queue = await wangHin.get<{ items: { id: string }[] }>("/officer/applications");
      expect(queue.body.items.some((a) => a.id === id)).toBe(false);
    },
  },
  {
    name: "S32 signboard tax: fee-0 approval, assessment, bill payment",
    given: "a signboard-tax filing (004 การรับชำระภาษีป้าย, handled as 001 describes)",
    when: "the officer approves with fee 0, issues assessment ภ.ป.3 of 400 baht posted with a tracking number, and confirms the bill payment",
    then: "a non-zero approval fee is refused, the applicant is told the assessed amount, and the payment of exactly 400 closes the case",
    async run(w) {
      const tax = findLicenseType("signboard-tax-klong-dan")!;
      const d = { applicant: w.applicant, officer: w.officer };
      const { id } = await submitApplication(d, tax.id);
      await w.act(id, { action: "confirm-complete" });
      await w.officer.waitForStep(id, "decision");
      expect((await w.act(id, { action: "approve", feeTHB: 200 })).body.code).toBe("INVALID_FEE");
      expect((await w.act(id, { action: "approve", feeTHB: manualFee(tax) })).body.status).toBe("APPROVED");
      await w.officer.waitForStep(id, "assessment");
      const assessed = await w.act(id, {
        action: "issue-assessment",
        assessmentNumber: "ภ.ป.3 เลขที่ 12/2570",
        amountTHB: 400,
        trackingNumber: "EF123456789TH",
      });
      expect(assessed.body.assessment).toMatchObject({ amountTHB: 400, trackingNumber: "EF123456789TH" });
      await w.officer.waitForStep(id, "payment");
      expect(w.notices(id, "approvals").map((n) => n.kind)).toEqual(["approved", "assessmentIssued"]);
      const short = await w.act(id, {
        action: "confirm-payment",
        channel: "billPayment",
        receiptNumber: "B1",
        amountTHB: 300,
        reference: "REF1",
      });
      expect(short.body.code).toBe("INVALID_FEE");
      const paid = await w.act(id, {
        action: "confirm-payment",
        channel: "billPayment",
        receiptNumber: "B1",
        amountTHB: 400,
        reference: "REF1",
      });
      expect(paid.body).toMatchObject({
        status: "PAYMENT_CONFIRMED",
        payment: { channel: "billPayment", reference: "REF1" },
      });
      await w.stack.engine.settled();
      expect(w.stack.engine.execution(id)?.status).toBe("SUCCEEDED");
    },
  },
  {
    name: "S33 committee resolution before the decision",
    given: "a building permit, whose manual has a committee step",
    when: "the officer tries to approve straight after the inspection, then records the committee's resolution and approves",
    then: "the early approval is refused (the workflow waits for the committee), the resolution is recorded and the approval goes through",
    async run(w) {
      const permit = findLicenseType("building-construction-permit-klong-dan")!;
      const d = { applicant: w.applicant, officer: w.officer };
      const { id } = await submitApplication(d, permit.id);
      await w.act(id, { action: "confirm-complete" });
      await w.officer.waitForStep(id, "inspection");
      await w.act(id, { action: "record-inspection", result: "passed", findings: "ถูกต้องตามแบบ" });
      await w.officer.waitForStep(id, "committee");
      const early = await w.act(id, { action: "approve", feeTHB: manualFee(permit) });
      expect([early.status, early.body.code]).toEqual([409, "WORKFLOW_NOT_WAITING"]);
      const resolution = await w.act(id, {
        action: "record-committee-resolution",
        resolution: "recommendApproval",
        minutes: "มติที่ประชุมเห็นชอบ",
      });
      expect(resolution.status).toBe(200);
      await w.officer.waitForStep(id, "decision");
      expect((await w.act(id, { action: "approve", feeTHB: manualFee(permit) })).body.status).toBe(
        "APPROVED",
      );
    },
  },
  {
    name: "S34 only officers assigned to the license type act",
    given: "an officer of อบต.คลองด่าน with no license types assigned",
    when: "that officer confirms completeness, then the supervisor assigns the food license and the officer tries again",
    then: "the first try is refused with OFFICER_NOT_ASSIGNED and nothing changes; after the reassignment it succeeds",
    async run(w) {
      const id = await w.submitFoodApplication();
      const unassigned = await ApiClient.signIn(w.stack.url, "officer-unassigned");
      const refused = await w.act(id, { action: "confirm-complete" }, unassigned);
      expect([refused.status, refused.body.code]).toEqual([403, "OFFICER_NOT_ASSIGNED"]);
      expect((await w.app(id)).status).toBe("SUBMITTED");
      // The supervisor finds the newcomer's account and assigns the license type through the API.
      const list = await w.officer2.get<{ items: { userId: string; email: string }[] }>("/agency/officers");
      const target = list.body.items.find((o) => o.email === "newcomer@khlongdan.go.th");
      expect(target).toBeTruthy();
      const reassigned = await w.officer2.post(`/agency/officers/${target!.userId}/assignments`, {
        licenseTypeIds: [food],
      });
      expect(reassigned.status).toBe(200);
      expect((await w.act(id, { action: "confirm-complete" }, unassigned)).body.status).toBe("DOCS_COMPLETE");
    },
  },
  {
    name: "S35 renewal reminder",
    given: "a food-premises license valid for one year",
    when: "the clock reaches 30 days before it expires, and then goes on past the expiry",
    then: "the holder is reminded once that morning, with the expiry date and the rule that a late renewal means a new application",
    async run(w) {
      const issued = await issueLicense({ applicant: w.applicant, officer: w.officer }, food);
      const license = (await new ApiClient(w.stack.url).get(`/licenses/${issued.licenseNumber}/verify`)).body;
      const expiry = Date.parse(String(license.validUntil));
      const early = await w.stack.advanceClock(new Date(expiry - 32 * 86_400_000));
      expect(early.filter((f) => f.kind === "reminder")).toEqual([]);
      const fired = await w.stack.advanceClock(new Date(expiry + 10 * 86_400_000));
      const reminders = fired.filter((f) => f.kind === "reminder");
      expect(reminders).toMatchObject([{ applicationId: issued.id, step: issued.licenseNumber }]);
      const days = (expiry - Date.parse(reminders[0]!.at)) / 86_400_000;
      expect(days).toBeGreaterThan(29);
      expect(days).toBeLessThanOrEqual(31);
      const notices = w.notices(issued.id, "approvals").filter((n) => n.kind === "renewalReminder");
      expect(notices).toHaveLength(1);
      expect(notices[0]?.messageTh).toContain("ต่ออายุ");
    },
  },
];

export const title = "case types and per-license variants";
