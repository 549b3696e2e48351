import { expect } from "vitest";
import { workflowEngine } from "../../../../shared/adapters/providers/workflow-engine";
import type { WorkflowEngine } from "../../../../shared/ports/workflow-engine";
import { bangkok, type Scenario, type World } from "../../../support/scenario-world";

/** A wait's timeout is whole seconds from when it began: it fires within a second or two of the due time. */
const near = (actual: unknown, expected: Date) =>
  Math.abs(Date.parse(String(actual)) - expected.getTime()) < 2000;

/** s.10: deciding on time, overdue notices every 7 days with a copy to OPDC, and racing timeouts. */

/** An application confirmed complete on Wednesday 3 March 2027 10:00: decision due Friday 2 April 16:30. */
async function completeOnMarch3(w: World): Promise<string> {
  await w.at("2027-03-01T10:00");
  const id = await w.submitFoodApplication();
  await w.at("2027-03-03T10:00");
  await w.confirmComplete(id);
  return id;
}
const decisionDue = bangkok("2027-04-02T16:30");
const overdueNotices = (w: World, id: string) => w.notices(id, "overdueEscalations");

export const table: Scenario[] = [
  {
    name: "S11 decided on time",
    given: "an application complete on 3 March, inspected, decision due 2 April",
    when: "the officer approves on 20 March",
    then: "no overdue notice is ever sent, and the decision notice is recorded within 7 days of the decision",
    async run(w) {
      const id = await completeOnMarch3(w);
      await w.at("2027-03-15T10:00");
      await w.inspectAndWaitForDecision(id);
      await w.at("2027-03-20T10:00");
      expect((await w.act(id, { action: "approve", feeTHB: 3000 })).body.status).toBe("APPROVED");
      await w.officer.waitForStep(id, "payment");
      await w.at("2027-05-01T10:00");
      expect(overdueNotices(w, id)).toEqual([]);
      const app = await w.app(id);
      expect(Date.parse(String(app.decisionNotifiedAt)) - bangkok("2027-03-20T10:00").getTime()).toBeLessThan(
        7 * 86_400_000,
      );
      expect((await w.history(id)).find((e) => e.action === "decision-notice")?.data).toMatchObject({
        withinSevenDays: true,
      });
    },
  },
  {
    name: "S12 overdue without a recorded reason",
    given: "an application whose decision is due 2 April 16:30 and no reason for delay recorded",
    when: "the clock passes the due time",
    then: "the applicant gets a notice saying no reason was recorded, copied to OPDC and the agency's supervisor, and it is in the history",
    async run(w) {
      const id = await completeOnMarch3(w);
      await w.at("2027-03-15T10:00");
      await w.inspectAndWaitForDecision(id);
      const fired = await w.at("2027-04-03T09:00");
      expect(fired.map((f) => [f.step, f.kind])).toEqual([["AwaitDecision", "escalation"]]);
      const [notice] = overdueNotices(w, id);
      expect(near(notice?.publishedAt, decisionDue)).toBe(true);
      expect(notice?.messageEn).toContain("no reason recorded");
      expect(notice?.recipients).toEqual([
        { role: "applicant", id: expect.any(String) },
        { role: "opdc", copy: true },
        { role: "agency-supervisor", agencyId: "sao-khlong-dan", copy: true },
      ]);
      const event = (await w.history(id)).find((e) => e.action === "overdue-notice");
      expect(event?.data).toMatchObject({ noticeNo: 1, copiedTo: ["opdc", "agency-supervisor"] });
      expect((await w.app(id)).overdue).toMatchObject({ noticeCount: 1 });
    },
  },
  {
    name: "S13 overdue notices every 7 days",
    given: "an overdue application the officer has still not decided",
    when: "the clock moves 15 days past the due time",
    then: "notices go out at the due time, 7 and 14 days later, each with the OPDC copy and each in the history",
    async run(w) {
      const id = await completeOnMarch3(w);
      await w.at("2027-03-15T10:00");
      await w.inspectAndWaitForDecision(id);
      await w.at("2027-04-17T18:00");
      const sent = overdueNotices(w, id);
      expect(sent).toHaveLength(3);
      for (const [i, days] of [0, 7, 14].entries())
        expect(near(sent[i]?.publishedAt, new Date(decisionDue.getTime() + days * 86_400_000))).toBe(true);
      expect(sent.every((n) => JSON.stringify(n.recipients).includes('"opdc"'))).toBe(true);
      expect(
        (await w.history(id)).filter((e) => e.action === "overdue-notice").map((e) => e.data?.noticeNo),
      ).toEqual([1, 2, 3]);
      await w.officer.waitForStep(id, "decision");
    },
  },
  {
    name: "S14 the officer's reason is quoted",
    given: "an officer who records why the decision is late (waiting for a laboratory result)",
    when: "the due time passes",
    then: "the overdue notice gives that reason",
    async run(w) {
      const id = await completeOnMarch3(w);
      await w.at("2027-03-30T10:00");
      const reason = "รอผลตรวจตัวอย่างน้ำจากห้องปฏิบัติการ";
      expect((await w.act(id, { action: "record-delay-reason", reason })).status).toBe(200);
      await w.at("2027-04-03T09:00");
      expect(overdueNotices(w, id)[0]?.messageTh).toContain(reason);
    },
  },
  {
    name: "S15 overdue while the inspection is pending",
    given: "an application complete on 3 March whose inspection was never recorded",
    when: "the due time passes",
    then: "the notice goes out from the inspection step, and the workflow keeps waiting for the inspection",
    async run(w) {
      const id = await completeOnMarch3(w);
      const fired = await w.at("2027-04-03T09:00");
      expect(fired.map((f) => f.step)).toEqual(["AwaitInspection"]);
      expect(overdueNotices(w, id)).toHaveLength(1);
      await w.officer.waitForStep(id, "inspection");
      await w.inspectAndWaitForDecision(id);
    },
  },
  {
    name: "S16 no notice after the decision",
    given: "an application that had one overdue notice",
    when: "the officer approves, and the clock moves on 30 days",
    then: "no further notice is sent",
    async run(w) {
      const id = await completeOnMarch3(w);
      await w.at("2027-03-15T10:00");
      await w.inspectAndWaitForDecision(id);
      await w.at("2027-04-05T10:00");
      expect(overdueNotices(w, id)).toHaveLength(1);
      await w.officer.waitForStep(id, "decision");
      expect((await w.act(id, { action: "approve", feeTHB: 3000 })).status).toBe(200);
      await w.later(30);
      expect(overdueNotices(w, id)).toHaveLength(1);
    },
  },
  {
    name: "S17 an approval racing the timeout is not lost",
    given: "an officer approving at the very moment the decision's wait times out (the token dies in flight)",
    when: "the approval is written and its token is refused",
    then: "the workflow's next wait takes the stored outcome: APPROVED, waiting for payment, and no overdue notice",
    async run(w) {
      const id = await completeOnMarch3(w);
      await w.at("2027-03-15T10:00");
      await w.inspectAndWaitForDecision(id);
      await w.at("2027-04-02T16:29");
      const real = workflowEngine();
      // Between the DynamoDB write and SendTaskSuccess, the clock passes the due time: the wait times out.
      let raced = false;
      const racing: WorkflowEngine = {
        startExecution: (input) => real.startExecution(input),
        sendTaskSuccess: async (token, output) => {
          if (!raced) {
            raced = true;
            await w.stack.advanceClock(new Date(decisionDue.getTime() + 5000));
          }
          return real.sendTaskSuccess(token, output);
        },
        sendTaskFailure: (token, error, cause) => real.sendTaskFailure(token, error, cause),
      };
      workflowEngine.use(racing);
      try {
        expect((await w.act(id, { action: "approve", feeTHB: 3000 })).body.status).toBe("APPROVED");
      } finally {
        workflowEngine.use(real);
      }
      await w.officer.waitForStep(id, "payment");
      expect(overdueNotices(w, id)).toEqual([]);
      expect(w.notices(id, "approvals").map((n) => n.kind)).toEqual(["approved"]);
    },
  },
];

export const title = "s.10: overdue decisions";
