import { documentsRequiredToSubmit } from "../../catalog/fact-condition";
import { buildDraftFormSchema, buildFormSchema } from "../../catalog/form-schema";
import type { LicenseType } from "../../catalog/schema";
import type { Actor } from "../actor";
import { problems } from "../errors";
import { fieldErrorsOf } from "../field-errors";
import { graphOf } from "../workflow/step-end";
import { type ApplicationDeadlines, dueDatesCalendarWarning } from "./deadlines";
import { assertFixDocumentAllowed } from "./fix-request";
import type { ApplicationStatus } from "./status";
import type { Application, ApplicationChange, AttachedDocument, HistoryEvent } from "./types";

/**
 * The applicant's side of the lifecycle: draft, documents, submission and fixes. Every function is
 * pure: it checks the rule, returns the next state with its history event, and changes nothing.
 */

export interface DraftInput {
  id: string;
  licenseType: LicenseType;
  applicant: Actor;
  formData: Record<string, unknown>;
  now: Date;
}

export function createDraft({ id, licenseType, applicant, formData, now }: DraftInput): {
  application: Application;
  event: HistoryEvent;
} {
  const parsed = validateForm(licenseType, formData, "draft");
  const at = now.toISOString();
  const application: Application = {
    id,
    licenseTypeId: licenseType.id,
    manualVersion: licenseType.manual.version,
    agencyId: licenseType.agencyId,
    applicantId: applicant.userId,
    caseType: licenseType.caseType,
    status: "DRAFT",
    version: 1,
    createdAt: at,
    updatedAt: at,
    formData: parsed,
    documents: {},
  };
  return { application, event: eventOf(application, applicant, "applicant", "create", null, at) };
}

export function updateDraft(
  app: Application,
  licenseType: LicenseType,
  formData: Record<string, unknown>,
  actor: Actor,
  now: Date,
): ApplicationChange {
  if (app.status !== "DRAFT") throw problems.invalidTransition("update", app.status);
  const parsed = validateForm(licenseType, { ...app.formData, ...formData }, "draft");
  return change(app, { formData: parsed }, actor, "applicant", "update-form", now);
}

/** A document may be attached in a draft, or during an open fix request for a listed item only. */
export function attachDocument(
  app: Application,
  licenseType: LicenseType,
  documentKey: string,
  document: Omit<AttachedDocument, "attachedAt">,
  actor: Actor,
  now: Date,
): ApplicationChange {
  assertDocumentChangeAllowed(app, licenseType, documentKey, now);
  const attached: AttachedDocument = { ...document, attachedAt: now.toISOString() };
  return change(
    app,
    { documents: { ...app.documents, [documentKey]: attached } },
    actor,
    "applicant",
    "attach-document",
    now,
    { data: { documentKey, sha256: document.sha256 } },
  );
}

export function assertDocumentChangeAllowed(
  app: Application,
  licenseType: LicenseType,
  documentKey: string,
  now: Date,
): void {
  if (!licenseType.manual.documents.some((d) => d.key === documentKey))
    throw problems.unknownDocumentRequirement(documentKey);
  if (app.status === "DRAFT") return;
  assertFixDocumentAllowed(app, documentKey, now);
}

export function submit(
  app: Application,
  licenseType: LicenseType,
  actor: Actor,
  now: Date,
  deadlines: ApplicationDeadlines,
): ApplicationChange {
  if (app.status !== "DRAFT") throw problems.invalidTransition("submit", app.status);
  const formData = validateForm(licenseType, app.formData, "submit");
  const missing = documentsRequiredToSubmit(licenseType, formData)
    .filter((d) => !app.documents[d.key])
    .map((d) => d.key);
  if (missing.length > 0) throw problems.missingDocuments(missing);
  const dueAt = deadlines.completenessCheckDue(now, licenseType).toISOString();
  return change(
    app,
    {
      formData,
      status: "SUBMITTED",
      submittedAt: now.toISOString(),
      dueAt,
      // The workflow's first wait is round 1: round 0 is the filing that starts it.
      awaiting: { step: graphOf(licenseType).first, round: 1 },
    },
    actor,
    "applicant",
    "submit",
    now,
  );
}

export function validateForm(
  licenseType: LicenseType,
  formData: Record<string, unknown>,
  mode: "draft" | "submit",
): Record<string, unknown> {
  const schema = mode === "draft" ? buildDraftFormSchema(licenseType) : buildFormSchema(licenseType);
  const result = schema.safeParse(formData);
  // An unknown form field stays INVALID_FORM_DATA (not UNKNOWN_FIELDS): the form is the license
  // type's, published in the catalog, and a client shows every form error beside its field.
  if (!result.success)
    throw problems.invalidFormData(fieldErrorsOf(result.error.issues, ["formData"]).errors);
  return result.data;
}

/** Applies a patch as one versioned change with its history event. */
export function change(
  app: Application,
  patch: Partial<Application>,
  actor: Actor,
  role: string,
  action: string,
  now: Date,
  extra: { comment?: string | undefined; data?: Record<string, unknown> } = {},
): ApplicationChange {
  const at = now.toISOString();
  const next: Application = { ...app, ...patch, version: app.version + 1, updatedAt: at };
  for (const key of Object.keys(patch) as (keyof Application)[])
    if (patch[key] === undefined) delete next[key];
  // New due dates say whether they were counted over a year whose holidays are not verified.
  if ("dueAt" in patch || "decisionDueAt" in patch) {
    const warning = dueDatesCalendarWarning(next, now);
    if (warning) next.calendarWarning = warning;
    else delete next.calendarWarning;
  }
  return {
    application: next,
    expectedVersion: app.version,
    event: eventOf(next, actor, role, action, app.status, at, extra),
  };
}

function eventOf(
  app: Application,
  actor: Actor,
  role: string,
  action: string,
  fromStatus: ApplicationStatus | null,
  at: string,
  extra: { comment?: string | undefined; data?: Record<string, unknown> } = {},
): HistoryEvent {
  const event: HistoryEvent = {
    applicationId: app.id,
    at,
    actor: { userId: actor.userId, role },
    action,
    fromStatus,
    toStatus: app.status,
  };
  if (extra.comment) event.comment = extra.comment;
  if (app.dueAt) event.dueAt = app.dueAt;
  if (app.dueAt && app.calendarWarning) event.calendarWarning = app.calendarWarning;
  if (extra.data) event.data = extra.data;
  return event;
}
