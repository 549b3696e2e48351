import { describe, expect, it } from "vitest";
import { ApplicationDeadlines } from "../../../shared/domain/application/deadlines";
import { resubmit, returnForMissedFixDeadline } from "../../../shared/domain/application/fix-request";
import { attachDocument } from "../../../shared/domain/application/lifecycle";
import type { Application } from "../../../shared/domain/application/types";
import {
  applicant,
  applicationIn,
  domainErrorOf,
  fixDeadline,
  fixRequested,
  foodType,
  hoursLater,
  mondayTen,
  sampleDocument,
} from "./fixtures";

/** The applicant's side of a deficiency memo (s.8): fix and resubmit in time, or be returned. */
const deadlines = new ApplicationDeadlines();

describe("resubmit", () => {
  const wednesdayTen = hoursLater(mondayTen, 48);
  const reattach = (app: Application, keys: string[], at: Date) =>
    keys.reduce(
      (a, key) => attachDocument(a, foodType, key, sampleDocument(`${key}-fixed`), applicant, at).application,
      app,
    );

  it("sends the fix back once every listed document was attached again", () => {
    const app = reattach(fixRequested(), ["medicalCertificates", "otherLawLicenses"], wednesdayTen);
    const result = resubmit(app, foodType, applicant, hoursLater(wednesdayTen, 0.25), deadlines, "แก้ไขแล้ว");
    expect(result.application.status).toBe("RESUBMITTED");
    expect(result.application.dueAt).toBe("2026-03-04T04:30:00.000Z");
    expect(result.event).toMatchObject({
      action: "resubmit",
      fromStatus: "FIX_REQUESTED",
      toStatus: "RESUBMITTED",
      comment: "แก้ไขแล้ว",
    });
  });

  it("refuses while a listed document is still the one attached before the request", () => {
    const app = reattach(fixRequested(), ["otherLawLicenses"], wednesdayTen);
    expect(app.documents.medicalCertificates?.attachedAt).toBe("2026-03-02T03:00:00.000Z");
    const error = domainErrorOf(() => resubmit(app, foodType, applicant, wednesdayTen, deadlines));
    expect(error.code).toBe("MISSING_REQUIRED_DOCUMENTS");
    expect(error.detail).toBe("Missing: medicalCertificates");
  });

  it("refuses after the fix deadline", () => {
    const app = reattach(fixRequested(), ["medicalCertificates", "otherLawLicenses"], wednesdayTen);
    const late = new Date(Date.parse(fixDeadline) + 60_000);
    expect(domainErrorOf(() => resubmit(app, foodType, applicant, late, deadlines)).code).toBe(
      "FIX_DEADLINE_PASSED",
    );
  });

  it("is only possible while a fix is requested", () => {
    const error = domainErrorOf(() =>
      resubmit(applicationIn("SUBMITTED"), foodType, applicant, mondayTen, deadlines),
    );
    expect(error.code).toBe("INVALID_STATUS_FOR_ACTION");
  });
});

describe("returnForMissedFixDeadline", () => {
  it("returns the application as the system, ends applicantFix and clears the due time", () => {
    const app = fixRequested();
    expect(app.dueAt).toBe(fixDeadline);
    const result = returnForMissedFixDeadline(app, new Date("2026-03-16T09:31:00Z"));
    expect(result.application.status).toBe("RETURNED");
    expect(result.application.dueAt).toBeUndefined();
    expect("dueAt" in result.application).toBe(false);
    // The workflow ends with the return: nothing more to wait at.
    expect(result.application.awaiting).toBeUndefined();
    expect(result.expectedVersion).toBe(app.version);
    expect(result.event).toMatchObject({
      actor: { userId: "system", role: "system" },
      action: "return",
      fromStatus: "FIX_REQUESTED",
      toStatus: "RETURNED",
      data: { deadline: fixDeadline },
    });
    expect(result.event.comment).toContain("s.8");
  });

  it("refuses to return before the deadline has passed", () => {
    const error = domainErrorOf(() =>
      returnForMissedFixDeadline(fixRequested(), new Date("2026-03-16T09:29:00Z")),
    );
    expect(error.code).toBe("INVALID_STATUS_FOR_ACTION");
  });

  it("refuses an application that is not waiting for a fix", () => {
    const error = domainErrorOf(() => returnForMissedFixDeadline(applicationIn("RESUBMITTED"), mondayTen));
    expect(error.code).toBe("INVALID_STATUS_FOR_ACTION");
  });
});
