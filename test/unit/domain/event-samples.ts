import { allLicenseTypes, type LicenseType } from "../../../shared/catalog";
import { withdraw } from "../../../shared/domain/application/applicant-actions";
import { ApplicationDeadlines } from "../../../shared/domain/application/deadlines";
import { recordOverdueNotice } from "../../../shared/domain/application/decision-clock";
import { resubmit, returnForMissedFixDeadline } from "../../../shared/domain/application/fix-request";
import { attachDocument } from "../../../shared/domain/application/lifecycle";
import type { OfficerAction } from "../../../shared/domain/application/officer-action-types";
import { applyOfficerAction } from "../../../shared/domain/application/officer-actions";
import type { HumanStep } from "../../../shared/domain/application/status";
import type { Application, ApplicationChange } from "../../../shared/domain/application/types";
import { endStep, graphOf } from "../../../shared/domain/workflow/step-end";
import { workflowKeyOf, workflowShapeOf } from "../../../shared/domain/workflow/workflow-key";
import { applicant, applicationIn, hoursLater, mondayTen, officer, sampleDocument } from "./fixtures";

/**
 * Committed changes for the event tests: every action of every step graph in the catalog (one
 * license type per graph and case type, since a renewal issues a different event than a new license),
 * and the system's changes (the s.8 return, the s.10 overdue notice). The applications carry a
 * national ID and the applicant's details in their form, which no event may repeat.
 */

export const nationalId = "1101700230708";
export const personalForm = {
  businessName: "บริษัท ครัวคลองด่าน จำกัด",
  applicantNationalId: nationalId,
  ownerName: "นายสมชาย ใจดี",
  premisesAddress: "99 หมู่ 3 ถนนสุขุมวิท ตำบลคลองด่าน",
  phone: "0812345678",
};
export const caseLicense = "KD-FOOD-2568-000042";

const deadlines = new ApplicationDeadlines();
const now = hoursLater(mondayTen, 2);

export interface SampleChange {
  licenseType: LicenseType;
  step: HumanStep | "system";
  action: string;
  change: ApplicationChange;
}

/** One license type per graph and case type. */
export function representativeTypes(): LicenseType[] {
  const seen = new Map<string, LicenseType>();
  for (const lt of allLicenseTypes()) {
    const key = `${lt.caseType}:${workflowKeyOf(workflowShapeOf(lt))}`;
    if (!seen.has(key)) seen.set(key, lt);
  }
  return [...seen.values()];
}

/** The application as it waits at `step` of its type's graph. */
export function waitingAt(lt: LicenseType, step: HumanStep): Application {
  const graph = graphOf(lt);
  const statuses = graph.steps.get(step)!.statuses;
  const fee = approvalFee(lt);
  const decided = ["assessment", "payment", "licenseIssue", "pickup"].includes(step);
  const app = applicationIn(statuses[0]!, {
    licenseTypeId: lt.id,
    agencyId: lt.agencyId,
    caseType: lt.caseType,
    formData: { ...personalForm, ...(lt.caseType === "new" ? {} : { licenseNumber: caseLicense }) },
    decision: decided
      ? { outcome: "approved", feeTHB: fee, decidedAt: mondayTen.toISOString(), decidedBy: officer.userId }
      : undefined,
    awaiting: { step, round: 3 },
  });
  if (step === "payment" && lt.workflow.assessment)
    app.assessment = {
      assessmentNumber: "ภ.ป.3-2569-017",
      amountTHB: 1240,
      issuedAt: mondayTen.toISOString(),
    };
  if (step === "pickup") app.licenseNumber = caseLicense;
  if (step === "applicantFix")
    app.fixRequest = {
      items: [],
      deadline: hoursLater(mondayTen, 72).toISOString(),
      requestedBy: officer.userId,
      requestedAt: mondayTen.toISOString(),
    };
  return app;
}

function approvalFee(lt: LicenseType): number {
  if (lt.workflow.assessment) return 0;
  return lt.manual.fees?.find((f) => f.kind === "fixed" && f.amountTHB !== undefined)?.amountTHB ?? 0;
}

export function sampleAction(action: string, app: Application, lt: LicenseType): OfficerAction {
  switch (action) {
    case "request-fix":
      return {
        action,
        items: [{ documentKey: lt.manual.documents[0]!.key, reason: `สำเนาบัตรประชาชน ${nationalId} ไม่ชัด` }],
        deadline: hoursLater(mondayTen, 50).toISOString(),
      };
    case "confirm-complete":
      return { action };
    case "schedule-inspection":
      return {
        action,
        scheduledAt: hoursLater(mondayTen, 48).toISOString(),
        place: personalForm.premisesAddress,
      };
    case "record-inspection":
      return { action, result: "passed", findings: `ผู้ประกอบการ ${personalForm.ownerName} อยู่ด้วย` };
    case "record-delay-reason":
      return { action, reason: "รอผลตรวจจากสาธารณสุขจังหวัด" };
    case "record-committee-resolution":
      return { action, resolution: "recommendApproval", minutes: "ที่ประชุมมีมติเห็นชอบ" };
    case "approve":
      return { action, feeTHB: approvalFee(lt) };
    case "reject":
      return { action, reasons: [`ผู้ขอ ${personalForm.ownerName} ไม่มีกรรมสิทธิ์`] };
    case "issue-assessment":
      return { action, assessmentNumber: "ภ.ป.3-2569-017", amountTHB: 1240 };
    case "confirm-payment":
      return {
        action,
        channel: "counter",
        receiptNumber: "R-2569-0001",
        amountTHB: app.assessment?.amountTHB ?? app.decision?.feeTHB ?? 0,
      };
    case "issue-license":
      return { action };
    case "confirm-pickup":
      return { action, collectedBy: personalForm.ownerName };
    default:
      throw new Error(`No sample for ${action}`);
  }
}

/**
 * One application through its whole graph, each change on the last one's result: a fix round
 * (request, the document replaced, resubmission), then every step's annotations and its way forward.
 */
export function walkThrough(lt: LicenseType): ApplicationChange[] {
  const changes: ApplicationChange[] = [];
  let app = waitingAt(lt, "completenessCheck");
  let at = now;
  const officerDoes = (action: string) => {
    at = hoursLater(at, 1);
    const change = applyOfficerAction(app, sampleAction(action, app, lt), {
      licenseType: lt,
      officer,
      now: at,
      deadlines,
      licenseNumber: caseLicense,
    });
    changes.push(change);
    app = change.application;
  };
  officerDoes("request-fix");
  const key = app.fixRequest!.items[0]!.documentKey;
  at = hoursLater(at, 1);
  app = attachDocument(app, lt, key, sampleDocument("fixed"), applicant, at).application;
  at = hoursLater(at, 1);
  const graph = graphOf(lt);
  // As the service does: the resubmission ends the fix step, and the application waits at the check.
  const fixed = resubmit(app, lt, applicant, at, deadlines);
  fixed.application.awaiting = endStep(app, graph, "resubmit", at).awaiting;
  changes.push(fixed);
  app = fixed.application;
  while (app.awaiting) {
    const node = graph.steps.get(app.awaiting.step)!;
    for (const annotation of node.annotations) officerDoes(annotation);
    officerDoes(node.edges[0]!.action);
  }
  return changes;
}

/** Every step-ending and annotating action of every graph, applied to an application waiting there. */
export function stepActionChanges(): SampleChange[] {
  const out: SampleChange[] = [];
  for (const lt of representativeTypes())
    for (const node of graphOf(lt).steps.values())
      for (const action of [...node.edges.map((e) => e.action), ...node.annotations]) {
        const app = waitingAt(lt, node.step);
        const change =
          action === "resubmit"
            ? resubmit(app, lt, applicant, now, deadlines)
            : action === "withdraw"
              ? withdraw(app, applicant, now, `ย้ายร้าน (${personalForm.phone})`)
              : applyOfficerAction(app, sampleAction(action, app, lt), {
                  licenseType: lt,
                  officer,
                  now,
                  deadlines,
                  licenseNumber: caseLicense,
                });
        out.push({ licenseType: lt, step: node.step, action, change });
      }
  return out;
}

/** The workflow's own changes: the s.8 return and the s.10 overdue notice. */
export function systemChanges(lt: LicenseType): SampleChange[] {
  const fixing = waitingAt(lt, "applicantFix");
  const returned = returnForMissedFixDeadline(fixing, hoursLater(mondayTen, 80));
  const considering = waitingAt(lt, graphOf(lt).steps.has("inspection") ? "inspection" : "decision");
  considering.decisionDueAt = mondayTen.toISOString();
  const overdue = recordOverdueNotice(considering, hoursLater(mondayTen, 30)).change;
  return [
    { licenseType: lt, step: "system", action: "return", change: returned },
    { licenseType: lt, step: "system", action: "overdue-notice", change: overdue },
  ];
}
