import { expect } from "vitest";
import { samplePdf } from "../../../support/api-client";
import { bangkok, type Scenario, sameMinute } from "../../../support/scenario-world";

/** The working-day clock and s.8 (incomplete applications), through the API and the state machine. */
export const table: Scenario[] = [
  {
    name: "S01 submission in office hours",
    given: "a working Wednesday 10:00 in Bangkok",
    when: "the applicant submits",
    then: "the completeness check is due 11:15 the same day (15 นาที + 1 ชั่วโมง of office time)",
    async run(w) {
      await w.at("2027-03-03T10:00");
      const id = await w.submitFoodApplication();
      expect(sameMinute((await w.app(id)).dueAt, bangkok("2027-03-03T11:15"))).toBe(true);
    },
  },
  {
    name: "S02 submission after hours on a Friday",
    given: "Friday 18:00 in Bangkok",
    when: "the applicant submits",
    then: "it counts from Monday 08:30, so the check is due Monday 09:45, and the history shows the due time",
    async run(w) {
      await w.at("2027-03-05T18:00");
      const id = await w.submitFoodApplication();
      const due = bangkok("2027-03-08T09:45").toISOString();
      expect((await w.app(id)).dueAt).toBe(due);
      expect((await w.history(id)).find((e) => e.action === "submit")?.dueAt).toBe(due);
    },
  },
  {
    name: "S03 submission after hours before a public holiday",
    given: "Monday 12 April 2027 17:00, the evening before Songkran (13–15 April)",
    when: "the applicant submits",
    then: "it counts from Friday 16 April 08:30: the check is due 09:45 that day",
    async run(w) {
      await w.at("2027-04-12T17:00");
      const id = await w.submitFoodApplication();
      expect((await w.app(id)).dueAt).toBe(bangkok("2027-04-16T09:45").toISOString());
    },
  },
  {
    name: "S04 submission on a substitution day",
    given: "Monday 25 October 2027, the substitution day for Chulalongkorn Day (Saturday 23rd)",
    when: "the applicant submits at 10:00",
    then: "it counts from Tuesday 08:30",
    async run(w) {
      await w.at("2027-10-25T10:00");
      const id = await w.submitFoodApplication();
      expect((await w.app(id)).dueAt).toBe(bangkok("2027-10-26T09:45").toISOString());
    },
  },
  {
    name: "S05 the legal clock starts at documents complete",
    given: "an application submitted Monday 1 March 2027 and confirmed complete Wednesday 3 March 10:00",
    when: "the officer confirms completeness",
    then: "the decision is due 30 days later (Friday 2 April 16:30), shown on the application, the queue and the history",
    async run(w) {
      await w.at("2027-03-01T10:00");
      const id = await w.submitFoodApplication();
      expect((await w.app(id)).clockStartedAt).toBeUndefined();
      await w.at("2027-03-03T10:00");
      const complete = await w.confirmComplete(id);
      const due = bangkok("2027-04-02T16:30").toISOString();
      expect(complete).toMatchObject({ status: "DOCS_COMPLETE", decisionDueAt: due, dueAt: due });
      expect(sameMinute(complete.clockStartedAt, bangkok("2027-03-03T10:00"))).toBe(true);
      const queue = await w.officer.get<{ items: { id: string; dueAt: string }[] }>("/officer/applications");
      expect(queue.body.items.find((a) => a.id === id)?.dueAt).toBe(due);
      expect((await w.history(id)).find((e) => e.action === "confirm-complete")?.dueAt).toBe(due);
    },
  },
  {
    name: "S06 fix deadline met",
    given: "a fix request for the medical certificates with a deadline 5 days ahead",
    when: "the applicant acknowledges the memo, re-uploads the item and resubmits within the deadline",
    then: "the application is RESUBMITTED, the memo records both parties, and the legal clock has not started",
    async run(w) {
      await w.at("2027-03-01T10:00");
      const id = await w.submitFoodApplication();
      const fix = await w.act(id, {
        action: "request-fix",
        items: [{ documentKey: "medicalCertificates", reason: "หมดอายุ" }],
        deadline: bangkok("2027-03-06T16:30").toISOString(),
        comment: "กรุณาแนบใบรับรองแพทย์ฉบับใหม่",
      });
      expect(fix.body.status).toBe("FIX_REQUESTED");
      const ack = await w.applicant.post(`/applications/${id}/fix-request/acknowledgement`);
      expect(ack.status).toBe(200);
      expect(
        (ack.body.fixRequest as { acknowledgedAt: string; requestedBy: string }).requestedBy,
      ).toBeTruthy();
      expect((await w.applicant.post(`/applications/${id}/fix-request/acknowledgement`)).body.code).toBe(
        "FIX_REQUEST_ALREADY_ACKNOWLEDGED",
      );
      await w.applicant.waitForStep(id, "applicantFix");
      await w.at("2027-03-04T09:00");
      expect(
        (await w.applicant.uploadDocument(id, "medicalCertificates", samplePdf("new certificate"))).status,
      ).toBe(200);
      const resubmitted = await w.applicant.post(`/applications/${id}/fixes`);
      expect(resubmitted.body).toMatchObject({ status: "RESUBMITTED" });
      expect(resubmitted.body.clockStartedAt).toBeUndefined();
      expect((await w.history(id)).map((e) => e.action)).toContain("acknowledge-fix-request");
    },
  },
  {
    name: "S07 fix deadline missed",
    given: "a fix request with a deadline of Friday 16:30",
    when: "the deadline passes without a fix",
    then: "the state machine returns the application, the applicant is told why and of the right to appeal, and a late fix is refused",
    async run(w) {
      await w.at("2027-03-01T10:00");
      const id = await w.submitFoodApplication();
      await w.act(id, {
        action: "request-fix",
        items: [{ documentKey: "houseRegistration", reason: "ไม่ชัด" }],
        deadline: bangkok("2027-03-05T16:30").toISOString(),
      });
      await w.applicant.waitForStep(id, "applicantFix");
      const fired = await w.at("2027-03-08T08:00");
      expect(fired.map((f) => f.kind)).toEqual(["return"]);
      expect((await w.app(id)).status).toBe("RETURNED");
      const returned = w.notices(id, "fixRequests").find((n) => n.kind === "returned");
      expect(returned?.messageTh).toContain("อุทธรณ์");
      expect(Date.parse(returned!.publishedAt)).toBeGreaterThanOrEqual(bangkok("2027-03-05T16:30").getTime());
      const late = await w.applicant.post(`/applications/${id}/fixes`);
      expect(late.status).toBe(409);
    },
  },
  {
    name: "S08 only listed items may be uploaded during a fix",
    given: "an open fix request listing the house registration only",
    when: "the applicant uploads the ID card",
    then: "the upload is refused with DOCUMENT_NOT_IN_FIX_REQUEST and nothing changes",
    async run(w) {
      const id = await w.submitFoodApplication();
      await w.act(id, {
        action: "request-fix",
        items: [{ documentKey: "houseRegistration", reason: "ไม่ชัด" }],
        deadline: new Date(w.stack.clock.now().getTime() + 3 * 86_400_000).toISOString(),
      });
      const before = await w.app(id);
      const res = await w.applicant.uploadDocument(id, "idCard", samplePdf("unrequested"));
      expect([res.status, res.body.code]).toEqual([400, "DOCUMENT_NOT_IN_FIX_REQUEST"]);
      expect((await w.app(id)).version).toBe(before.version);
    },
  },
  {
    name: "S09 no uploads without a fix request",
    given: "a submitted application with no open fix request",
    when: "the applicant tries to replace a document",
    then: "the upload is refused with DOCUMENTS_LOCKED (extra documents only on the officer's request)",
    async run(w) {
      const id = await w.submitFoodApplication();
      const res = await w.applicant.uploadDocument(id, "idCard", samplePdf("unsolicited"));
      expect([res.status, res.body.code]).toEqual([409, "DOCUMENTS_LOCKED"]);
    },
  },
  {
    name: "S10 no document demands after completeness",
    given: "an application confirmed complete",
    when: "the officer requests a fix",
    then: "the API refuses with FIX_NOT_ALLOWED_AFTER_COMPLETE (s.8)",
    async run(w) {
      const id = await w.submitFoodApplication();
      await w.confirmComplete(id);
      const res = await w.act(id, {
        action: "request-fix",
        items: [{ documentKey: "idCard", reason: "x" }],
        deadline: new Date(w.stack.clock.now().getTime() + 86_400_000).toISOString(),
      });
      expect([res.status, res.body.code]).toEqual([409, "FIX_NOT_ALLOWED_AFTER_COMPLETE"]);
    },
  },
];

export const title = "the working-day clock and s.8";
