import { factHolds } from "../catalog/fact-condition";
import type { FactCondition, LicenseType } from "../catalog/schema";
import type { Application } from "./application/types";

/**
 * Whether the manual asks for a document on this application: `required` (always, or its rule holds
 * for the form's facts), `notRequired` (its rule does not hold), `conditional` (it depends on
 * something the form does not state, e.g. "ในกรณีที่มีการมอบอำนาจ": the manual's text says what).
 */
export type DocumentRequirement = "required" | "notRequired" | "conditional";

/** `requestedAgain`: listed in the open fix request and not attached again since it was asked for. */
export type ChecklistState = "attached" | "missing" | "requestedAgain";

export interface ChecklistItem {
  key: string;
  name: string;
  nameEn: string | null;
  /** The manual's own words for when the document is needed, when it states them. */
  condition?: string;
  /** The manual's condition as a rule over the form's facts, when there is one. */
  requiredWhen?: FactCondition;
  requirement: DocumentRequirement;
  state: ChecklistState;
  attached?: {
    documentId: string;
    fileName: string;
    sha256: string;
    size: number;
    contentType: string;
    attachedAt: string;
  };
  /** The open fix request's item for this document. */
  fixRequest?: { reason: string; deadline: string; requestedAt: string };
}

export function requirementOf(
  document: LicenseType["manual"]["documents"][number],
  facts: Readonly<Record<string, unknown>>,
): DocumentRequirement {
  if (document.requiredToSubmit) return "required";
  if (document.requiredWhen) return factHolds(document.requiredWhen, facts) ? "required" : "notRequired";
  return "conditional";
}

/** Every document the license type lists, in the manual's order, with what the application holds. */
export function documentChecklist(
  app: Pick<Application, "documents" | "formData" | "status" | "fixRequest">,
  licenseType: LicenseType,
): ChecklistItem[] {
  const openFix = app.status === "FIX_REQUESTED" ? app.fixRequest : undefined;
  return licenseType.manual.documents.map((document) => {
    const held = app.documents[document.key];
    const asked = openFix?.items.find((item) => item.documentKey === document.key);
    const attachedSinceAsked = held && openFix && held.attachedAt > openFix.requestedAt;
    const state: ChecklistState =
      asked && !attachedSinceAsked ? "requestedAgain" : held ? "attached" : "missing";
    const item: ChecklistItem = {
      key: document.key,
      name: document.name,
      nameEn: document.nameEn,
      requirement: requirementOf(document, app.formData),
      state,
    };
    if (document.condition) item.condition = document.condition;
    if (document.requiredWhen) item.requiredWhen = document.requiredWhen;
    if (held)
      item.attached = {
        // A document is its bytes: an applicant holds one document per digest (docs/adr/0007).
        documentId: held.sha256,
        fileName: held.fileName,
        sha256: held.sha256,
        size: held.size,
        contentType: held.contentType,
        attachedAt: held.attachedAt,
      };
    if (asked && openFix)
      item.fixRequest = {
        reason: asked.reason,
        deadline: openFix.deadline,
        requestedAt: openFix.requestedAt,
      };
    return item;
  });
}
