import { ulid } from "ulid";
import { findLicenseType } from "../../catalog";
import { assertCanView, assertOwner, assertRole } from "../access-policy";
import type { Actor } from "../actor";
import { createDraft, resubmit, submit, updateDraft } from "../application/lifecycle";
import type { Application } from "../application/types";
import { problems } from "../errors";
import type { Dependencies } from "./dependencies";
import { licenseTypeOf } from "./license-type-of";

type Deps<K extends keyof Dependencies> = Pick<Dependencies, K>;

export async function createApplication(
  deps: Deps<"store" | "clock">,
  actor: Actor,
  input: { licenseTypeId: string; formData: Record<string, unknown> },
): Promise<Application> {
  assertRole(actor, "applicant");
  const licenseType = findLicenseType(input.licenseTypeId);
  if (!licenseType) throw problems.licenseTypeNotFound(input.licenseTypeId);
  const { application, event } = createDraft({
    id: ulid(deps.clock.now().getTime()),
    licenseType,
    applicant: actor,
    formData: input.formData,
    now: deps.clock.now(),
  });
  await deps.store.create(application, event);
  return application;
}

export async function updateApplication(
  deps: Deps<"store" | "clock">,
  actor: Actor,
  id: string,
  formData: Record<string, unknown>,
): Promise<Application> {
  const app = await deps.store.get(id);
  assertOwner(actor, app);
  const change = updateDraft(app, licenseTypeOf(app), formData, actor, deps.clock.now());
  await deps.store.apply(change);
  return change.application;
}

/** The application as its owner or an officer sees it, with the steps its workflow waits at. */
export async function viewApplication(deps: Deps<"store">, actor: Actor, id: string) {
  const app = await deps.store.get(id);
  assertCanView(actor, app);
  const pending = await deps.store.pendingTasksOf(id);
  return { ...app, waitingFor: pending.map((t) => ({ step: t.step, since: t.createdAt })) };
}

/**
 * Submits and starts the workflow. The execution is named after the application, so a submit
 * retried after a failure between the two writes heals instead of failing (starting is idempotent).
 */
export async function submitApplication(
  deps: Deps<"store" | "clock" | "workflow" | "deadlines">,
  actor: Actor,
  id: string,
): Promise<Application> {
  const app = await deps.store.get(id);
  assertOwner(actor, app);
  let submitted = app;
  if (app.status !== "SUBMITTED") {
    const change = submit(app, licenseTypeOf(app), actor, deps.clock.now(), deps.deadlines);
    await deps.store.apply(change);
    submitted = change.application;
  }
  await deps.workflow.startExecution({
    name: submitted.id,
    licenseTypeId: submitted.licenseTypeId,
    input: { applicationId: submitted.id, licenseTypeId: submitted.licenseTypeId },
  });
  return submitted;
}

/** The applicant sends the fixed documents: the workflow returns to the completeness check. */
export async function submitFix(
  deps: Deps<"store" | "clock" | "workflow" | "deadlines">,
  actor: Actor,
  id: string,
  comment?: string,
): Promise<Application> {
  const app = await deps.store.get(id);
  assertOwner(actor, app);
  const task = await deps.store.getPendingTask(id, "applicantFix");
  const change = resubmit(app, licenseTypeOf(app), actor, deps.clock.now(), deps.deadlines, comment);
  if (!task) throw problems.workflowNotWaiting("applicantFix");
  await deps.store.apply(change);
  await deps.workflow.sendTaskSuccess(task.token, { action: "resubmit" });
  return change.application;
}

export async function applicationHistory(deps: Deps<"store">, actor: Actor, id: string) {
  const app = await deps.store.get(id);
  assertCanView(actor, app);
  return deps.store.history(id);
}

export async function listMyApplications(
  deps: Deps<"store">,
  actor: Actor,
  page: { limit: number; cursor?: string | undefined },
) {
  assertRole(actor, "applicant");
  return deps.store.listByApplicant(
    actor.userId,
    page.cursor ? { limit: page.limit, cursor: page.cursor } : page,
  );
}
