import { describe, expect, it } from "vitest";
import type { Application } from "../../../../shared/domain/application/types";
import { inspectionScheduledNotice, noticeForAction } from "../../../../shared/domain/workflow/notices";

/** Issue 17: the two steps the applicant was not told of before, in their inbox only (no topic). */
const app = {
  id: "01KAPP",
  licenseTypeId: "food-premises-over-200sqm-klong-dan",
  agencyId: "sao-khlong-dan",
  applicantId: "applicant-1",
  status: "DOCS_COMPLETE",
  decisionDueAt: "2027-02-02T09:30:00.000Z",
  inspection: { scheduledAt: "2027-01-14T07:00:00.000Z", place: "ห้องครัว" },
} as unknown as Application;
const now = new Date("2027-01-10T03:00:00Z");

describe("notices of completeness and of the inspection's schedule", () => {
  it("tells the applicant by when the decision is due, without publishing it to the agencies' topics", () => {
    const notice = noticeForAction("confirm-complete", app, 3, now)!;
    expect(notice.topic).toBeUndefined();
    expect(notice.notification).toMatchObject({
      id: "01KAPP:3:completenessConfirmed",
      kind: "completenessConfirmed",
      data: { decisionDueAt: "2027-02-02T09:30:00.000Z" },
    });
    expect(notice.notification.messageTh).toContain("ภายใน 2 ก.พ. 2570, 16:30 น.");
    expect(notice.notification.messageEn).toContain("due by 2027-02-02 16:30 (UTC+7)");
  });

  it("gives the inspection's date and place; a moved inspection is a new notice, the same one is one", () => {
    const notice = inspectionScheduledNotice(app, now);
    expect(notice.messageTh).toBe("เจ้าหน้าที่นัดตรวจสถานที่ของคำขอ 01KAPP วันที่ 14 ม.ค. 2570, 14:00 น. ณ ห้องครัว");
    expect(notice.messageEn).toContain("2027-01-14 14:00 (UTC+7) at ห้องครัว");
    expect(inspectionScheduledNotice(app, new Date()).id).toBe(notice.id);
    const moved = { ...app, inspection: { scheduledAt: "2027-01-15T07:00:00.000Z", place: "หน้าร้าน" } };
    expect(inspectionScheduledNotice(moved as Application, now).id).not.toBe(notice.id);
  });
});
