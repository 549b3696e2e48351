import { expect } from "vitest";
import { bangkok, type Scenario } from "../../../support/scenario-world";

/** The rest of the officer flow (001's steps): inspection, rejection, fees, withdrawal, concurrency. */
export const table: Scenario[] = [
  {
    name: "S18 inspection scheduled and rescheduled",
    given: "an application complete and waiting for its site inspection",
    when: "the officer schedules it, then reschedules it, then records the result",
    then: "each is a history event with date and place, and consideration moves to UNDER_REVIEW",
    async run(w) {
      const id = await w.submitFoodApplication();
      await w.confirmComplete(id);
      const first = await w.act(id, {
        action: "schedule-inspection",
        scheduledAt: bangkok("2027-01-12T10:00").toISOString(),
        place: "หน้าร้าน",
      });
      expect(first.body.status).toBe("INSPECTION_SCHEDULED");
      const again = await w.act(id, {
        action: "schedule-inspection",
        scheduledAt: bangkok("2027-01-14T14:00").toISOString(),
        place: "ห้องครัว",
      });
      expect(again.body.inspection).toMatchObject({
        scheduledAt: bangkok("2027-01-14T14:00").toISOString(),
        place: "ห้องครัว",
      });
      await w.inspectAndWaitForDecision(id);
      expect((await w.app(id)).status).toBe("UNDER_REVIEW");
      const actions = (await w.history(id)).map((e) => e.action);
      expect(actions.filter((a) => a === "schedule-inspection")).toHaveLength(2);
      expect(actions).toContain("record-inspection");
    },
  },
  {
    name: "S19 rejected with reasons",
    given: "a failed hygiene inspection",
    when: "the officer rejects with reasons",
    then: "the application is REJECTED, the clock stops, the workflow ends and the applicant is told the reasons and the right to appeal",
    async run(w) {
      const id = await w.submitFoodApplication();
      await w.confirmComplete(id);
      await w.act(id, { action: "record-inspection", result: "failed", findings: "ไม่มีอ่างล้างมือ" });
      await w.officer.waitForStep(id, "decision");
      const rejected = await w.act(id, { action: "reject", reasons: ["ไม่ผ่านเกณฑ์สุขลักษณะ: ไม่มีอ่างล้างมือ"] });
      expect(rejected.body).toMatchObject({ status: "REJECTED", decision: { outcome: "rejected" } });
      expect(rejected.body.clockStoppedAt).toBeTruthy();
      await w.stack.engine.settled();
      expect(w.stack.engine.execution(id)?.status).toBe("SUCCEEDED");
      const notice = w.notices(id, "approvals").find((n) => n.kind === "rejected");
      expect(notice?.messageTh).toContain("ไม่มีอ่างล้างมือ");
      expect(notice?.messageTh).toContain("อุทธรณ์");
    },
  },
  {
    name: "S20 the fee follows the manual",
    given: "a manual fee of at most 3,000 baht a year",
    when: "the officer approves with 3,500, then with 2,000, and the counter takes 1,500",
    then: "3,500 is refused (INVALID_FEE), 2,000 is accepted, and a payment of a different amount is refused",
    async run(w) {
      const id = await w.submitFoodApplication();
      await w.confirmComplete(id);
      await w.inspectAndWaitForDecision(id);
      expect((await w.act(id, { action: "approve", feeTHB: 3500 })).body.code).toBe("INVALID_FEE");
      expect((await w.act(id, { action: "approve", feeTHB: 2000 })).body.status).toBe("APPROVED");
      await w.officer.waitForStep(id, "payment");
      const wrong = await w.act(id, {
        action: "confirm-payment",
        receiptNumber: "R1",
        amountTHB: 1500,
        channel: "counter",
      });
      expect([wrong.status, wrong.body.code]).toEqual([400, "INVALID_FEE"]);
      const paid = await w.act(id, {
        action: "confirm-payment",
        receiptNumber: "R1",
        amountTHB: 2000,
        channel: "counter",
      });
      expect(paid.body.status).toBe("PAYMENT_CONFIRMED");
    },
  },
  {
    name: "S21 withdrawn during consideration",
    given: "an application under review",
    when: "the applicant withdraws it with a reason",
    then: "it is WITHDRAWN, the clock stops, the workflow ends, and it leaves the officer's queue",
    async run(w) {
      const id = await w.submitFoodApplication();
      await w.confirmComplete(id);
      await w.inspectAndWaitForDecision(id);
      const res = await w.applicant.post(`/applications/${id}/withdraw`, { reason: "เปลี่ยนทำเลที่ตั้ง" });
      expect(res.body).toMatchObject({ status: "WITHDRAWN", withdrawal: { reason: "เปลี่ยนทำเลที่ตั้ง" } });
      expect(res.body.clockStoppedAt).toBeTruthy();
      await w.stack.engine.settled();
      expect(w.stack.engine.execution(id)?.status).toBe("SUCCEEDED");
      const queue = await w.officer.get<{ items: { id: string }[] }>("/officer/applications");
      expect(queue.body.items.some((a) => a.id === id)).toBe(false);
    },
  },
  {
    name: "S22 withdrawn while a fix is requested",
    given: "an open fix request",
    when: "the applicant withdraws instead of fixing",
    then: "it is WITHDRAWN and the fix deadline no longer returns it",
    async run(w) {
      const id = await w.submitFoodApplication();
      await w.act(id, {
        action: "request-fix",
        items: [{ documentKey: "idCard", reason: "ไม่ชัด" }],
        deadline: new Date(w.stack.clock.now().getTime() + 2 * 86_400_000).toISOString(),
      });
      await w.applicant.waitForStep(id, "applicantFix");
      expect((await w.applicant.post(`/applications/${id}/withdraw`)).body.status).toBe("WITHDRAWN");
      await w.later(5);
      expect((await w.app(id)).status).toBe("WITHDRAWN");
      expect(w.notices(id).some((n) => n.kind === "returned")).toBe(false);
    },
  },
  {
    name: "S23 no withdrawal after the decision",
    given: "an approved application",
    when: "the applicant tries to withdraw",
    then: "the API refuses with 409 and nothing changes",
    async run(w) {
      const id = await w.submitFoodApplication();
      await w.confirmComplete(id);
      await w.inspectAndWaitForDecision(id);
      await w.act(id, { action: "approve", feeTHB: 3000 });
      const res = await w.applicant.post(`/applications/${id}/withdraw`);
      expect([res.status, res.body.code]).toEqual([409, "INVALID_STATUS_FOR_ACTION"]);
      expect((await w.app(id)).status).toBe("APPROVED");
    },
  },
  {
    name: "S24 two officers at once",
    given: "two officers of the agency looking at the same submitted application",
    when: "both confirm completeness at the same moment",
    then: "exactly one wins and the other gets 409",
    async run(w) {
      const id = await w.submitFoodApplication();
      const results = await Promise.all([
        w.act(id, { action: "confirm-complete" }),
        w.act(id, { action: "confirm-complete" }, w.officer2),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect((await w.history(id)).filter((e) => e.action === "confirm-complete")).toHaveLength(1);
    },
  },
  {
    name: "S25 a repeated action with the same idempotency key",
    given: "an officer whose approval request is sent twice (a retry after a dropped connection)",
    when: "both carry the same Idempotency-Key, and a third reuses the key for a different request",
    then: "the repeat returns the first result without a second approval, and the misuse is refused",
    async run(w) {
      const id = await w.submitFoodApplication();
      await w.confirmComplete(id);
      await w.inspectAndWaitForDecision(id);
      const key = `approve-${id}`;
      const first = await w.act(id, { action: "approve", feeTHB: 3000 }, w.officer, key);
      const repeat = await w.act(id, { action: "approve", feeTHB: 3000 }, w.officer, key);
      expect(first.status).toBe(200);
      expect(repeat).toEqual(first);
      const misuse = await w.act(id, { action: "approve", feeTHB: 2000 }, w.officer, key);
      expect([misuse.status, misuse.body.code]).toEqual([409, "IDEMPOTENCY_KEY_REUSED"]);
      expect((await w.history(id)).filter((e) => e.action === "approve")).toHaveLength(1);
    },
  },
  {
    name: "S26 concurrent identical retries",
    given: "the same confirm-complete sent twice at the same moment with one Idempotency-Key",
    when: "both arrive together",
    then: "both get the same successful result and the action happens once",
    async run(w) {
      const id = await w.submitFoodApplication();
      const key = `complete-${id}`;
      const [a, b] = await Promise.all([
        w.act(id, { action: "confirm-complete" }, w.officer, key),
        w.act(id, { action: "confirm-complete" }, w.officer, key),
      ]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(a.body.version).toBe(b.body.version);
      expect((await w.history(id)).filter((e) => e.action === "confirm-complete")).toHaveLength(1);
    },
  },
];

export const title = "the officer flow";
