import { describe, expect, it } from "vitest";
import type { Application } from "../../../shared/domain/application/types";
import { noticeForAction, overdueNotification } from "../../../shared/domain/workflow/notices";

/** What applicants read: Thai with Bangkok time and the B.E. year, English with ISO dates, amounts grouped. */
const app = {
  id: "01KAPP",
  licenseTypeId: "food-premises-over-200sqm-klong-dan",
  agencyId: "sao-khlong-dan",
  applicantId: "applicant-1",
  status: "FIX_REQUESTED",
  fixRequest: { items: [], deadline: "2027-01-15T09:30:00.000Z" },
  decision: { feeTHB: 3000 },
} as unknown as Application;
const now = new Date("2027-01-10T03:00:00Z");

describe("notice texts", () => {
  it("dates a fix request's deadline as each language writes dates", () => {
    const { notification } = noticeForAction("request-fix", app, 1, now)!;
    expect(notification.messageTh).toContain("ภายใน 15 ม.ค. 2570, 16:30 น.");
    expect(notification.messageEn).toContain("by 2027-01-15 16:30 (UTC+7)");
  });

  it("writes the fee with a thousands separator", () => {
    const { notification } = noticeForAction("approve", app, 2, now)!;
    expect(notification.messageTh).toContain("3,000 บาท");
    expect(notification.messageEn).toContain("3,000 THB");
  });

  it("dates the missed decision in the overdue notice", () => {
    const n = overdueNotification(
      app,
      {
        noticeNo: 1,
        decisionDueAt: "2027-02-01T10:30:00.000Z",
        reasonTh: "รอผลตรวจ",
        reasonEn: "awaiting a test",
      } as never,
      now,
    );
    expect(n.messageTh).toContain("(1 ก.พ. 2570, 17:30 น.)");
    expect(n.messageEn).toContain("by 2027-02-01 17:30 (UTC+7)");
  });
});
