import type { ApplicationChange } from "../application/types";
import type { LicenseRecord } from "../license";
import {
  type BusinessEvent,
  type EventData,
  type EventLinks,
  type EventOf,
  type EventType,
  eventSpecVersion,
} from "./catalog";

/**
 * The events a committed change yields, read from the change itself (its history event's action and
 * the application it wrote), so the same change always yields the same events with the same ids:
 * written with the change, or derived again from it after a crash, they de-duplicate. Changes that
 * concern only the applicant (draft edits, documents, the memo's acknowledgement) or the record
 * (a delay reason, when the decision was told) yield none.
 */
export function eventsOf(change: ApplicationChange): BusinessEvent[] {
  const app = change.application;
  const action = change.event.action;
  const links = linksOf(app.id);
  const licenseLinks = (number: string): EventLinks => ({
    ...links,
    license: `/applications/${app.id}/license`,
    verify: `/licenses/${encodeURIComponent(number)}/verify`,
  });
  const event = <T extends EventType>(type: T, data: EventData[T]): BusinessEvent =>
    ({
      id: `${app.id}:${app.version}:${type}`,
      type,
      specversion: eventSpecVersion,
      time: change.event.at,
      agencyId: app.agencyId,
      licenseTypeId: app.licenseTypeId,
      applicationId: app.id,
      data,
    }) satisfies EventOf<T> as BusinessEvent;
  const license = (
    type:
      | "license.issued"
      | "license.renewed"
      | "license.amended"
      | "license.cancelled"
      | "license.collected",
    number: string | undefined,
  ) => (number ? [event(type, { licenseNumber: number, links: licenseLinks(number) })] : []);

  switch (action) {
    case "submit":
      return [
        event("application.submitted", {
          caseType: app.caseType,
          submittedAt: app.submittedAt ?? change.event.at,
          links,
        }),
      ];
    case "request-fix":
      return [
        event("fix.requested", {
          documentKeys: (app.fixRequest?.items ?? []).map((i) => i.documentKey),
          deadline: app.fixRequest?.deadline ?? "",
          links,
        }),
      ];
    case "resubmit":
      return [event("fix.submitted", { links })];
    case "return": {
      const deadline = change.event.data?.deadline;
      return [event("application.returned", typeof deadline === "string" ? { deadline, links } : { links })];
    }
    case "confirm-complete":
      return [
        event("documents.complete", {
          clockStartedAt: app.clockStartedAt ?? change.event.at,
          decisionDueAt: app.decisionDueAt ?? "",
          links,
        }),
      ];
    case "schedule-inspection":
      return [event("inspection.scheduled", { scheduledAt: app.inspection?.scheduledAt ?? "", links })];
    case "record-inspection":
      return [event("inspection.recorded", { result: app.inspection?.result ?? "failed", links })];
    case "record-committee-resolution": {
      const resolution = change.event.data?.resolution;
      return [
        event("committee.resolved", {
          resolution: resolution === "recommendRejection" ? "recommendRejection" : "recommendApproval",
          links,
        }),
      ];
    }
    case "approve":
      // A cancellation ends with its approval: the license it names is cancelled in the same change.
      return [
        event("application.approved", { feeTHB: app.decision?.feeTHB ?? 0, links }),
        ...(app.caseType === "cancel" ? license("license.cancelled", caseLicenseOf(change)) : []),
      ];
    case "reject":
      return [event("application.rejected", { reasonCount: app.decision?.reasons?.length ?? 0, links })];
    case "withdraw":
      // A draft was never filed: the agency has nothing to forget.
      return change.event.fromStatus && change.event.fromStatus !== "DRAFT"
        ? [event("application.withdrawn", { fromStatus: change.event.fromStatus, links })]
        : [];
    case "overdue-notice": {
      const notice = change.event.data ?? {};
      return [
        event("decision.overdue", {
          noticeNo: Number(notice.noticeNo),
          decisionDueAt: String(notice.decisionDueAt),
          nextNoticeAt: String(notice.nextNoticeAt),
          links,
        }),
      ];
    }
    case "issue-assessment":
      return app.assessment
        ? [
            event("assessment.issued", {
              assessmentNumber: app.assessment.assessmentNumber,
              amountTHB: app.assessment.amountTHB,
              links,
            }),
          ]
        : [];
    case "confirm-payment":
      return app.payment
        ? [
            event("payment.confirmed", {
              receiptNumber: app.payment.receiptNumber,
              amountTHB: app.payment.amountTHB,
              channel: app.payment.channel,
              links,
            }),
          ]
        : [];
    case "issue-license":
      return license(issuedType[app.caseType], app.licenseNumber);
    case "confirm-pickup":
      return license("license.collected", app.licenseNumber);
    default:
      return [];
  }
}

/** Issuing a renewal or an amendment updates the license the form names; a new case issues one. */
const issuedType = {
  new: "license.issued",
  renew: "license.renewed",
  amend: "license.amended",
  cancel: "license.cancelled",
} as const;

/** The daily reminder job: the license expires within the lead time (once per validity). */
export function expiringEvent(license: LicenseRecord, now: Date): EventOf<"license.expiring"> | undefined {
  if (!license.validUntil) return undefined;
  return {
    // Once per validity: a renewal that extends it makes a new one, as it re-arms the reminder.
    id: `${license.applicationId}:${license.number}@${license.validUntil}:license.expiring`,
    type: "license.expiring",
    specversion: eventSpecVersion,
    time: now.toISOString(),
    agencyId: license.agencyId,
    licenseTypeId: license.licenseTypeId,
    applicationId: license.applicationId,
    data: {
      licenseNumber: license.number,
      validUntil: license.validUntil,
      links: {
        ...linksOf(license.applicationId),
        license: `/applications/${license.applicationId}/license`,
        verify: `/licenses/${encodeURIComponent(license.number)}/verify`,
      },
    },
  };
}

function linksOf(applicationId: string): EventLinks {
  return { application: `/applications/${applicationId}`, history: `/applications/${applicationId}/history` };
}

/** The license a cancellation names (the approval's history event records it). */
function caseLicenseOf(change: ApplicationChange): string | undefined {
  const number = change.event.data?.cancelsLicense ?? change.application.formData.licenseNumber;
  return typeof number === "string" ? number.trim() : undefined;
}
