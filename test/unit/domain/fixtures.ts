import { createHash } from "node:crypto";
import { findLicenseType, type LicenseType } from "../../../shared/catalog";
import type { Actor } from "../../../shared/domain/actor";
import { ApplicationDeadlines } from "../../../shared/domain/application/deadlines";
import { applyOfficerAction } from "../../../shared/domain/application/officer-actions";
import type { ApplicationStatus } from "../../../shared/domain/application/status";
import type { Application, AttachedDocument } from "../../../shared/domain/application/types";
import { DomainError } from "../../../shared/domain/errors";
import { graphOf } from "../../../shared/domain/workflow/step-end";
import { completeFoodForm, foodLicenseTypeId } from "../../support/api-client";

/** Shared test data for the domain tests: the food-premises entry, actors and fixed instants. */
export const foodType: LicenseType = findLicenseType(foodLicenseTypeId)!;

export const applicant: Actor = { userId: "applicant-1", roles: ["applicant"] };
export const otherApplicant: Actor = { userId: "applicant-2", roles: ["applicant"] };
/** Signed in with the e-mail its account is bound to (test/support/fake-officer-directory.ts). */
export const officer: Actor = {
  userId: "officer-1",
  roles: ["officer"],
  agencyId: "sao-khlong-dan",
  email: "officer-1@khlongdan.go.th",
};
export const foreignOfficer: Actor = { userId: "officer-9", roles: ["officer"], agencyId: "bma-bang-rak" };
export const opdcAdmin: Actor = { userId: "opdc-1", roles: ["opdc-admin"] };

/** Monday 2 March 2026, 10:00 in Bangkok. */
export const mondayTen = new Date("2026-03-02T03:00:00Z");
/** Friday 6 March 2026, 18:00 in Bangkok: after office hours. */
export const fridayEvening = new Date("2026-03-06T11:00:00Z");

export const hoursLater = (from: Date, hours: number) => new Date(from.getTime() + hours * 3600_000);

/** The documents the food-premises manual requires to submit (the power of attorney is conditional). */
export const requiredDocumentKeys = [
  "idCard",
  "houseRegistration",
  "juristicPersonCertificate",
  "signatoryEvidence",
  "otherLawLicenses",
  "medicalCertificates",
];

export function sampleDocument(seed: string): Omit<AttachedDocument, "attachedAt"> {
  return {
    sha256: createHash("sha256").update(seed).digest("hex"),
    fileName: `${seed}.pdf`,
    contentType: "application/pdf",
    size: 1024,
  };
}

export function attached(seed: string, at: Date): AttachedDocument {
  return { ...sampleDocument(seed), attachedAt: at.toISOString() };
}

/**
 * The step an application of this type waits at in a status (round 3 by default), as its workflow
 * would have it; a status several steps share (UNDER_REVIEW) means the second consideration step.
 */
export function awaitingFor(
  status: ApplicationStatus,
  lt: LicenseType,
  round = 3,
): Application["awaiting"] | undefined {
  const graph = graphOf(lt);
  const has = (step: string) => graph.steps.has(step as never);
  const consideration = (["inspection", "committee", "decision"] as const).filter(has);
  const afterApproval = ["assessment", "payment", "licenseIssue"].find(has);
  const step = {
    SUBMITTED: "completenessCheck",
    RESUBMITTED: "completenessCheck",
    FIX_REQUESTED: "applicantFix",
    DOCS_COMPLETE: consideration[0],
    INSPECTION_SCHEDULED: "inspection",
    UNDER_REVIEW: consideration[1] ?? consideration[0],
    APPROVED: lt.caseType === "cancel" ? undefined : afterApproval,
    PAYMENT_CONFIRMED: has("licenseIssue") ? "licenseIssue" : undefined,
    LICENSE_ISSUED: has("pickup") ? "pickup" : undefined,
  }[status as string];
  return step && has(step) ? { step: step as never, round } : undefined;
}

/** An application of the food-premises type in any status, filled in as far as that status implies. */
export function applicationIn(status: ApplicationStatus, overrides: Partial<Application> = {}): Application {
  const at = mondayTen.toISOString();
  const lt = findLicenseType(overrides.licenseTypeId ?? foodType.id) ?? foodType;
  const awaiting = awaitingFor(status, lt);
  return {
    ...(awaiting ? { awaiting } : {}),
    id: "01JNZ8Y7M3Q4R5S6T7V8W9X0YZ",
    licenseTypeId: foodType.id,
    manualVersion: foodType.manual.version,
    agencyId: foodType.agencyId,
    applicantId: applicant.userId,
    caseType: "new",
    status,
    version: 5,
    createdAt: at,
    updatedAt: at,
    submittedAt: at,
    formData: { ...completeFoodForm },
    documents: Object.fromEntries(requiredDocumentKeys.map((k) => [k, attached(k, mondayTen)])),
    decision: { outcome: "approved", feeTHB: 2500, decidedAt: at, decidedBy: officer.userId },
    ...overrides,
  };
}

export const fixDeadline = "2026-03-16T09:30:00.000Z";

/** Submitted Monday 10:00; at 11:00 an officer requests a fix of two documents by `fixDeadline`. */
export function fixRequested(): Application {
  return applyOfficerAction(
    applicationIn("SUBMITTED", { decision: undefined }),
    {
      action: "request-fix",
      items: [
        { documentKey: "medicalCertificates", reason: "ใบรับรองแพทย์เกิน 1 เดือน" },
        { documentKey: "otherLawLicenses", reason: "ไม่มีใบอนุญาตก่อสร้างอาคาร" },
      ],
      deadline: fixDeadline,
    },
    { licenseType: foodType, officer, now: hoursLater(mondayTen, 1), deadlines: new ApplicationDeadlines() },
  ).application;
}

/** Runs `fn` and returns the DomainError it throws; fails when it throws nothing or something else. */
export function domainErrorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("Expected a DomainError, but nothing was thrown");
}

/** The DomainError a promise rejects with (anything else fails the test). */
export async function rejectionOf(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("Expected a DomainError, but the promise resolved");
}
