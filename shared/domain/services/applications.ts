import { ulid } from "ulid";
import { assertCanView, assertOwner, assertRole } from "../access-policy";
import type { Actor } from "../actor";
import { withdraw } from "../application/applicant-actions";
import { acknowledgeFixRequest, resubmit } from "../application/fix-request";
import { createDraft, submit, updateDraft } from "../application/lifecycle";
import type { Application, ApplicationChange } from "../application/types";
import { problems } from "../errors";
import { assertCaseLicense, caseLicenseNumber } from "../license-cases";
import { assertActionFits, endStep, graphOf } from "../workflow/step-end";
import type { Dependencies } from "./dependencies";
import { idempotencyContext, idempotent } from "./idempotency";
import { licenseTypeOf } from "./license-type-of";
import { assertAssignedToView } from "./officer-access";
import { commitStepOutcome } from "./step-change";

type Deps<K extends keyof Dependencies> = Pick<Dependencies, K>;

export async function createApplication(
  deps: Deps<"store" | "clock" | "catalog">,
  actor: Actor,
  input: { licenseTypeId: string; formData: Record<string, unknown> },
): Promise<Application> {
  assertRole(actor, "applicant");
  const licenseType = deps.catalog.licenseType(input.licenseTypeId);
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
  deps: Deps<"store" | "clock" | "catalog">,
  actor: Actor,
  id: string,
  formData: Record<string, unknown>,
): Promise<Application> {
  const app = await deps.store.get(id);
  assertOwner(actor, app);
  const change = updateDraft(app, licenseTypeOf(deps, app), formData, actor, deps.clock.now());
  await deps.store.apply(change);
  return change.application;
}

/**
 * The application as its owner or an officer sees it, with the step its workflow waits at now (none
 * while the workflow is between steps, catching up with a decision, or ended).
 */
export async function viewApplication(
  deps: Deps<"store" | "officers" | "progress">,
  actor: Actor,
  id: string,
) {
  const app = await deps.store.get(id);
  assertCanView(actor, app);
  await assertAssignedToView(deps, actor, app);
  const wait = await deps.progress.currentWait(id);
  const waiting = wait?.step && wait.round === app.awaiting?.round && wait.step === app.awaiting.step;
  return { ...app, waitingFor: waiting ? [{ step: wait.step, since: wait.createdAt }] : [] };
}

/**
 * Submits and starts the workflow. The execution is named after the application, so a submit
 * retried after a failure between the two writes heals instead of failing (starting is idempotent).
 */
export async function submitApplication(
  deps: Deps<"store" | "licenses" | "clock" | "workflow" | "deadlines" | "catalog">,
  actor: Actor,
  id: string,
): Promise<Application> {
  const app = await deps.store.get(id);
  assertOwner(actor, app);
  let submitted = app;
  if (app.status !== "SUBMITTED") {
    const licenseType = licenseTypeOf(deps, app);
    const number = caseLicenseNumber(app);
    if (licenseType.appliesTo)
      assertCaseLicense(
        licenseType,
        app,
        number ? await deps.licenses.getLicense(number) : undefined,
        deps.clock.now(),
      );
    const change = submit(app, licenseType, actor, deps.clock.now(), deps.deadlines);
    // Round 0: the workflow is to be started. Committed with the submission, so a start lost to a
    // crash is made by the stream (AWS) or the local reconciler.
    await deps.store.apply(change, {
      wait: {
        applicationId: app.id,
        licenseTypeId: app.licenseTypeId,
        round: 0,
        createdAt: change.application.updatedAt,
      },
    });
    submitted = change.application;
  }
  await deps.workflow.startExecution({
    name: submitted.id,
    licenseTypeId: submitted.licenseTypeId,
    input: workflowInput(submitted),
  });
  return submitted;
}

/** What a workflow starts with: the application and the filing as round 0. */
export function workflowInput(app: Pick<Application, "id" | "licenseTypeId">) {
  return { applicationId: app.id, licenseTypeId: app.licenseTypeId, outcome: { round: 0, action: "submit" } };
}

type StepDeps = "store" | "clock" | "workflow" | "progress" | "publisher" | "notifier" | "catalog";

/** The applicant sends the fixed documents: the workflow returns to the completeness check. */
export async function submitFix(
  deps: Deps<StepDeps | "idempotency" | "deadlines">,
  actor: Actor,
  id: string,
  comment?: string,
  idempotencyKey?: string,
): Promise<Application> {
  return idempotent(
    deps.idempotency,
    idempotencyContext(actor, idempotencyKey, { id, fix: comment ?? null }),
    async (record) => {
      const app = await deps.store.get(id);
      assertOwner(actor, app);
      const licenseType = licenseTypeOf(deps, app);
      const now = deps.clock.now();
      const graph = graphOf(licenseType);
      const fixed = resubmit(app, licenseType, actor, now, deps.deadlines, comment);
      assertActionFits(app, graph, "resubmit");
      const { awaiting, outcome } = endStep(app, graph, "resubmit", now);
      const change = withAwaiting(fixed, awaiting);
      await commitStepOutcome(deps, change, outcome, { idempotency: record?.(change.application) });
      return change.application;
    },
  );
}

/** Withdrawn before the decision: the workflow ends wherever it waits. */
export async function withdrawApplication(
  deps: Deps<StepDeps | "idempotency">,
  actor: Actor,
  id: string,
  reason?: string,
  idempotencyKey?: string,
): Promise<Application> {
  return idempotent(
    deps.idempotency,
    idempotencyContext(actor, idempotencyKey, { id, withdraw: reason ?? null }),
    async (record) => {
      const app = await deps.store.get(id);
      assertOwner(actor, app);
      const change = withdraw(app, actor, deps.clock.now(), reason);
      if (app.status === "DRAFT") {
        await deps.store.apply(change, record ? { idempotency: record(change.application) } : {});
        return change.application;
      }
      const graph = graphOf(licenseTypeOf(deps, app));
      assertActionFits(app, graph, "withdraw");
      const { awaiting, outcome } = endStep(app, graph, "withdraw", deps.clock.now());
      const ended = withAwaiting(change, awaiting);
      await commitStepOutcome(deps, ended, outcome, { idempotency: record?.(ended.application) });
      return ended.application;
    },
  );
}

/** The applicant signs the s.8 deficiency memo. */
export async function acknowledgeFix(
  deps: Deps<"store" | "clock">,
  actor: Actor,
  id: string,
): Promise<Application> {
  const app = await deps.store.get(id);
  assertOwner(actor, app);
  const change = acknowledgeFixRequest(app, actor, deps.clock.now());
  await deps.store.apply(change);
  return change.application;
}

export async function applicationHistory(deps: Deps<"store" | "officers">, actor: Actor, id: string) {
  const app = await deps.store.get(id);
  assertCanView(actor, app);
  await assertAssignedToView(deps, actor, app);
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

/** The change with the application's next step set (removed when the workflow ends). */
function withAwaiting(change: ApplicationChange, awaiting: Application["awaiting"]): ApplicationChange {
  const application = { ...change.application };
  if (awaiting) application.awaiting = awaiting;
  else delete application.awaiting;
  return { ...change, application };
}
