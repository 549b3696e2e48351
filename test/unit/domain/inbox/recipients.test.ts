import { describe, expect, it } from "vitest";
import { recipientsOf } from "../../../../shared/domain/inbox/recipients";
import type { Notification } from "../../../../shared/domain/notification";
import type { OfficerAccount } from "../../../../shared/domain/officers/officer-account";
import { sendNotice, sendNoticeWithCopies } from "../../../../shared/domain/services/notices";
import { FakeNotifier, FakePublisher } from "../fakes";

const base: Notification = {
  id: "01JNZ8Y7M3Q4R5S6T7V8W9X0YZ:4:approved",
  kind: "approved",
  applicationId: "01JNZ8Y7M3Q4R5S6T7V8W9X0YZ",
  licenseTypeId: "food-premises-over-200sqm-klong-dan",
  agencyId: "sao-khlong-dan",
  applicantId: "applicant-1",
  status: "APPROVED",
  at: "2026-03-02T04:00:00.000Z",
  messageTh: "อนุมัติ",
  messageEn: "Approved",
};

const overdue: Notification = {
  ...base,
  id: "01JNZ8Y7M3Q4R5S6T7V8W9X0YZ:overdue:1",
  kind: "decisionOverdue",
  recipients: [
    { role: "applicant", id: "applicant-1" },
    { role: "opdc", copy: true },
    { role: "agency-supervisor", agencyId: "sao-khlong-dan", copy: true },
  ],
};

const account = (userId: string, supervisor: boolean, active = true): OfficerAccount => ({
  userId,
  nationalId: "1101700203450",
  email: `${userId}@example.go.th`,
  agencyId: "sao-khlong-dan",
  licenseTypeIds: [],
  supervisor,
  active,
  version: 1,
  createdAt: base.at,
  updatedAt: base.at,
  updatedBy: "admin",
});

describe("recipientsOf", () => {
  it("tells the applicant alone when a notice names nobody", () => {
    expect(recipientsOf(base, { opdc: ["opdc-1"], agencySupervisors: ["sup-1"] })).toEqual([
      { userId: "applicant-1", role: "applicant", copy: false },
    ]);
  });

  it("copies an overdue notice to every OPDC user and the agency's supervisors", () => {
    expect(recipientsOf(overdue, { opdc: ["opdc-1", "opdc-2"], agencySupervisors: ["sup-1"] })).toEqual([
      { userId: "applicant-1", role: "applicant", copy: false },
      { userId: "opdc-1", role: "opdc", copy: true },
      { userId: "opdc-2", role: "opdc", copy: true },
      { userId: "sup-1", role: "agency-supervisor", copy: true },
    ]);
  });

  it("gives one person holding two roles one notice, as the first role listed", () => {
    expect(recipientsOf(overdue, { opdc: ["applicant-1", "x"], agencySupervisors: ["x"] })).toEqual([
      { userId: "applicant-1", role: "applicant", copy: false },
      { userId: "x", role: "opdc", copy: true },
    ]);
  });
});

describe("sending notices", () => {
  const deps = () => ({
    publisher: new FakePublisher(),
    notifier: new FakeNotifier(),
    roles: { members: async (role: string) => (role === "opdc-admin" ? ["opdc-1"] : []) },
    officers: {
      listByAgency: async () => [
        account("officer-1", false),
        account("sup-1", true),
        account("sup-revoked", true, false),
      ],
    },
  });

  it("publishes, then puts the notice in its applicant's inbox", async () => {
    const d = deps();
    await sendNotice(d, "approvals", base);
    expect(d.publisher.published.map((p) => [p.topic, p.notification.id])).toEqual([["approvals", base.id]]);
    expect(d.notifier.delivered.map((x) => x.recipients)).toEqual([
      [{ userId: "applicant-1", role: "applicant", copy: false }],
    ]);
  });

  it("copies overdue notices to OPDC and the active supervisors only, not other officers", async () => {
    const d = deps();
    await sendNoticeWithCopies(d, "overdueEscalations", overdue);
    expect(d.notifier.delivered[0]?.recipients.map((r) => r.userId)).toEqual([
      "applicant-1",
      "opdc-1",
      "sup-1",
    ]);
  });

  it("refuses a notice with copies on the applicant-only path (the copies would be lost)", async () => {
    await expect(sendNotice(deps(), "overdueEscalations", overdue)).rejects.toThrow(/has copies/);
  });
});
