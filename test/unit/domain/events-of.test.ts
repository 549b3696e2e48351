import { describe, expect, it } from "vitest";
import { findLicenseType } from "../../../shared/catalog";
import { withdraw } from "../../../shared/domain/application/applicant-actions";
import { ApplicationDeadlines } from "../../../shared/domain/application/deadlines";
import { acknowledgeFixRequest } from "../../../shared/domain/application/fix-request";
import { attachDocument, submit, updateDraft } from "../../../shared/domain/application/lifecycle";
import { type EventType, eventTypes } from "../../../shared/domain/events/catalog";
import { eventsOf, expiringEvent } from "../../../shared/domain/events/events-of";
import type { LicenseRecord } from "../../../shared/domain/license";
import { businessEventSchema } from "../../../shared/schemas/events";
import {
  caseLicense,
  nationalId,
  personalForm,
  representativeTypes,
  type SampleChange,
  stepActionChanges,
  systemChanges,
  walkThrough,
} from "./event-samples";
import {
  applicant,
  applicationIn,
  fixRequested,
  foodType,
  hoursLater,
  mondayTen,
  sampleDocument,
} from "./fixtures";

/** What each committed action tells the agency's systems. */
function expectedTypes({ action, licenseType }: SampleChange): EventType[] {
  const issued = { new: "license.issued", renew: "license.renewed", amend: "license.amended" } as const;
  const byAction: Record<string, EventType[]> = {
    "request-fix": ["fix.requested"],
    resubmit: ["fix.submitted"],
    withdraw: ["application.withdrawn"],
    "confirm-complete": ["documents.complete"],
    "schedule-inspection": ["inspection.scheduled"],
    "record-inspection": ["inspection.recorded"],
    "record-committee-resolution": ["committee.resolved"],
    "record-delay-reason": [],
    approve:
      licenseType.caseType === "cancel"
        ? ["application.approved", "license.cancelled"]
        : ["application.approved"],
    reject: ["application.rejected"],
    "issue-assessment": ["assessment.issued"],
    "confirm-payment": ["payment.confirmed"],
    "issue-license": licenseType.caseType === "cancel" ? [] : [issued[licenseType.caseType]],
    "confirm-pickup": ["license.collected"],
    return: ["application.returned"],
    "overdue-notice": ["decision.overdue"],
  };
  const types = byAction[action];
  if (!types) throw new Error(`No expectation for ${action}`);
  return types;
}

const samples = [...stepActionChanges(), ...representativeTypes().flatMap(systemChanges)];

describe("eventsOf: every committed change yields its events once", () => {
  it("covers every graph in the catalog and every event type but the daily job's", () => {
    const seen = new Set(samples.flatMap((s) => eventsOf(s.change).map((e) => e.type)));
    seen.add("application.submitted"); // from a draft, below
    seen.add("license.expiring"); // from the daily job, below
    expect([...seen].sort()).toEqual([...eventTypes].sort());
    expect(new Set(samples.map((s) => s.action)).size).toBeGreaterThanOrEqual(15);
  });

  for (const sample of samples)
    it(`${sample.licenseType.id} at ${sample.step}: ${sample.action}`, () => {
      const events = eventsOf(sample.change);
      expect(events.map((e) => e.type)).toEqual(expectedTypes(sample));
      const app = sample.change.application;
      for (const event of events) {
        expect(event.id).toBe(`${app.id}:${app.version}:${event.type}`);
        expect(event).toMatchObject({
          applicationId: app.id,
          agencyId: app.agencyId,
          licenseTypeId: app.licenseTypeId,
          specversion: "1.0",
          time: sample.change.event.at,
        });
        expect(businessEventSchema.parse(event)).toEqual(event);
      }
      // A replay of the same committed change yields the same events, ids and all.
      expect(eventsOf(structuredClone(sample.change))).toEqual(events);
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    });

  it("repeats nothing of the applicant: no national ID, name, address, phone or account", () => {
    const body = JSON.stringify(samples.flatMap((s) => eventsOf(s.change)));
    expect(body.length).toBeGreaterThan(1000);
    for (const personal of [nationalId, ...Object.values(personalForm), applicant.userId])
      expect(body).not.toContain(personal);
    expect(body).not.toMatch(/\b\d{13}\b/);
  });

  for (const lt of representativeTypes())
    it(`${lt.id}: one application through its whole graph gets a new id for every event`, () => {
      const changes = walkThrough(lt);
      const events = changes.flatMap(eventsOf);
      expect(changes.at(-1)!.application.awaiting).toBeUndefined();
      // One event per change but the delay reasons (none) and a cancellation's approval (two).
      const expected = changes.flatMap((c) =>
        c.event.action === "record-delay-reason"
          ? []
          : c.event.action === "approve" && lt.caseType === "cancel"
            ? [1, 2]
            : [1],
      );
      expect(events).toHaveLength(expected.length);
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    });
});

describe("the applicant's changes", () => {
  const deadlines = new ApplicationDeadlines();

  it("submission: application.submitted, with the case type and links", () => {
    const draft = applicationIn("DRAFT", { decision: undefined, submittedAt: undefined });
    delete draft.awaiting;
    const change = submit(draft, foodType, applicant, mondayTen, deadlines);
    expect(eventsOf(change)).toEqual([
      {
        id: `${draft.id}:${draft.version + 1}:application.submitted`,
        type: "application.submitted",
        specversion: "1.0",
        time: mondayTen.toISOString(),
        agencyId: foodType.agencyId,
        licenseTypeId: foodType.id,
        applicationId: draft.id,
        data: {
          caseType: "new",
          submittedAt: mondayTen.toISOString(),
          links: { application: `/applications/${draft.id}`, history: `/applications/${draft.id}/history` },
        },
      },
    ]);
  });

  it("draft edits, documents and the memo's acknowledgement tell the agency nothing", () => {
    const draft = applicationIn("DRAFT", { decision: undefined });
    const at = hoursLater(mondayTen, 3);
    expect(eventsOf(updateDraft(draft, foodType, { foodHandlers: 3 }, applicant, at))).toEqual([]);
    expect(eventsOf(attachDocument(draft, foodType, "idCard", sampleDocument("id"), applicant, at))).toEqual(
      [],
    );
    expect(eventsOf(acknowledgeFixRequest(fixRequested(), applicant, at))).toEqual([]);
    // Withdrawn before it was filed: the agency never heard of it.
    expect(eventsOf(withdraw(draft, applicant, at))).toEqual([]);
  });
});

describe("license.expiring (the daily reminder job)", () => {
  const license: LicenseRecord = {
    number: caseLicense,
    applicationId: "01JNZ8Y7M3Q4R5S6T7V8W9X0YZ",
    licenseTypeId: foodType.id,
    agencyId: foodType.agencyId,
    holderId: applicant.userId,
    businessName: personalForm.businessName,
    issuedAt: "2025-03-02T03:00:00.000Z",
    validUntil: "2026-03-20T03:00:00.000Z",
  };

  it("is one event per validity: the same on the next run, a new one after a renewal", () => {
    const first = expiringEvent(license, mondayTen)!;
    expect(businessEventSchema.parse(first)).toEqual(first);
    expect(first.data).toMatchObject({ licenseNumber: caseLicense, validUntil: license.validUntil });
    expect(expiringEvent(license, hoursLater(mondayTen, 24))!.id).toBe(first.id);
    const renewed = expiringEvent({ ...license, validUntil: "2027-03-20T03:00:00.000Z" }, mondayTen)!;
    expect(renewed.id).not.toBe(first.id);
    expect(JSON.stringify(first)).not.toContain(license.holderId);
    expect(JSON.stringify(first)).not.toContain(license.businessName);
  });

  it("is none for a license without an end", () => {
    expect(expiringEvent({ ...license, validUntil: null }, mondayTen)).toBeUndefined();
  });

  it("(a license type that renews exists in the catalog)", () => {
    expect(findLicenseType("food-premises-over-200sqm-renewal-klong-dan")?.caseType).toBe("renew");
  });
});
