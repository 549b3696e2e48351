import { fileLicenseCatalog } from "../../../shared/catalog";
import { compareQueue, mergeQueue, queueRowOf } from "../../../shared/domain/application/queue";
import { terminalStatuses } from "../../../shared/domain/application/status";
import type { Application, ApplicationChange, HistoryEvent } from "../../../shared/domain/application/types";
import { problems } from "../../../shared/domain/errors";
import type { StepOutcome, StepWait } from "../../../shared/domain/workflow/progress";
import type {
  ApplicationStore,
  ApplyExtras,
  DocumentAttachment,
  Page,
} from "../../../shared/ports/application-store";
import type { Clock } from "../../../shared/ports/clock";
import type { EventPublisher, Notification, NotificationTopic } from "../../../shared/ports/event-publisher";
import type { IdempotencyStore, IdempotentResult } from "../../../shared/ports/idempotency-store";
import type { LicenseCatalog } from "../../../shared/ports/license-catalog";
import {
  type LicenseRecord,
  type LicenseRegister,
  SequenceMoved,
} from "../../../shared/ports/license-register";
import type { Notifier, Recipient } from "../../../shared/ports/notifier";
import type { OfficerQueue, QueuePage, QueueQuery } from "../../../shared/ports/officer-queue";
import {
  TaskNoLongerWaitingError,
  type WorkflowEngine,
  type WorkflowInput,
} from "../../../shared/ports/workflow-engine";
import type { WorkflowProgress } from "../../../shared/ports/workflow-progress";

/** The domain's tests read the real catalog files: its license types are the fixtures. */
export const catalog: LicenseCatalog = fileLicenseCatalog;

/**
 * In-memory ports for the domain services' unit tests. Every call is written to `log` (in order),
 * so a test can check what was written, sent and deleted, and in which order.
 *
 * FakeApplicationStore is the one table in memory: `apply` writes licenses, sequences, idempotent
 * results, outcomes and waits with the change, as the transaction does, so it also answers the ports
 * that read them (pass it as `queue`, `idempotency` and `licenses`).
 */
export class FakeApplicationStore
  implements ApplicationStore, OfficerQueue, IdempotencyStore, LicenseRegister
{
  readonly apps = new Map<string, Application>();
  /** Outcomes and waits committed with changes (the progress fake reads them). */
  readonly outcomes = new Map<string, StepOutcome>();
  readonly waits = new Map<string, StepWait>();
  readonly idempotentResults = new Map<string, IdempotentResult>();
  readonly licenses = new Map<string, LicenseRecord>();
  readonly applied: { change: ApplicationChange; extras: ApplyExtras | undefined }[] = [];
  readonly log: string[];
  /** Errors the next `apply` calls throw, one per call, before writing anything. */
  readonly applyFailures: Error[] = [];
  idempotencyReads = 0;

  constructor(apps: Application[] = [], log: string[] = []) {
    this.log = log;
    for (const app of apps) this.apps.set(app.id, structuredClone(app));
  }

  async create(application: Application, _event: HistoryEvent): Promise<void> {
    this.apps.set(application.id, structuredClone(application));
  }

  async get(id: string): Promise<Application | undefined> {
    const app = this.apps.get(id);
    return app && structuredClone(app);
  }

  async apply(change: ApplicationChange, extras?: ApplyExtras): Promise<void> {
    this.log.push(`apply ${change.event.action}`);
    const failure = this.applyFailures.shift();
    if (failure) throw failure;
    const stored = this.apps.get(change.application.id);
    if (stored && stored.version !== change.expectedVersion) throw problems.concurrentModification();
    if (extras?.sequence) {
      const { scope, value } = extras.sequence;
      if ((this.sequences.get(scope) ?? 0) !== value - 1) throw new SequenceMoved(scope);
      this.sequences.set(scope, value);
    }
    if (extras?.license) this.licenses.set(extras.license.number, structuredClone(extras.license));
    this.apps.set(change.application.id, structuredClone(change.application));
    if (extras?.outcome)
      this.outcomes.set(
        roundKey(extras.outcome.applicationId, extras.outcome.round),
        structuredClone(extras.outcome),
      );
    if (extras?.wait) this.waits.set(extras.wait.applicationId, structuredClone(extras.wait));
    if (extras?.idempotency) this.putIdempotentResult(extras.idempotency);
    this.applied.push({ change: structuredClone(change), extras: extras && structuredClone(extras) });
  }

  /** Like DynamoDB: the entry and the waiting state are checked, not the whole version. */
  async attachDocument({ change, documentKey, previous }: DocumentAttachment): Promise<void> {
    this.log.push(`attach ${documentKey}`);
    const failure = this.applyFailures.shift();
    if (failure) throw failure;
    const stored = this.apps.get(change.application.id);
    const entry = stored?.documents[documentKey];
    if (
      !stored ||
      stored.status !== change.application.status ||
      stored.fixRequest?.requestedAt !== change.application.fixRequest?.requestedAt ||
      entry?.sha256 !== previous?.sha256 ||
      entry?.attachedAt !== previous?.attachedAt
    )
      throw problems.concurrentModification();
    const next = structuredClone(stored);
    next.documents[documentKey] = structuredClone(change.application.documents[documentKey]!);
    next.version += 1;
    next.updatedAt = change.application.updatedAt;
    this.apps.set(next.id, next);
    this.applied.push({ change: structuredClone(change), extras: undefined });
  }

  async getIdempotentResult(scope: string, key: string): Promise<IdempotentResult | undefined> {
    this.idempotencyReads++;
    return this.idempotentResults.get(`${scope}/${key}`);
  }

  putIdempotentResult(result: IdempotentResult): void {
    this.idempotentResults.set(`${result.scope}/${result.key}`, structuredClone(result));
  }

  async history(_id: string): Promise<HistoryEvent[]> {
    return this.applied.map((a) => a.change.event);
  }

  async listByApplicant(applicantId: string): Promise<Page<Application>> {
    return { items: [...this.apps.values()].filter((a) => a.applicantId === applicantId) };
  }

  /** The queue as the index holds it: open applications only, in queue order, after the position. */
  async queuePage(query: QueueQuery): Promise<QueuePage> {
    const rows = [...this.apps.values()]
      .filter(
        (a) =>
          a.agencyId === query.agencyId &&
          query.licenseTypeIds.includes(a.licenseTypeId) &&
          query.statuses.includes(a.status) &&
          a.status !== "DRAFT" &&
          !terminalStatuses.has(a.status) &&
          !a.closedAt,
      )
      .map(queueRowOf)
      .filter((row) => !query.after || compareQueue(row, query.after) > 0);
    return mergeQueue([rows], query.limit);
  }

  /** Last number of each license-number sequence. */
  readonly sequences = new Map<string, number>();
  async currentSequence(scope: string): Promise<number> {
    return this.sequences.get(scope) ?? 0;
  }

  async getLicense(number: string): Promise<LicenseRecord | undefined> {
    return this.licenses.get(number);
  }

  /** Renewal reminders have their own fake (renewal-reminders.test.ts): unused here. */
  async expiringBefore(): Promise<LicenseRecord[]> {
    return [];
  }

  async markReminded(): Promise<boolean> {
    return false;
  }
}

function roundKey(applicationId: string, round: number): string {
  return `${applicationId}#${round}`;
}

/** Where workflows wait and the outcomes committed: shares the store's maps, as the table does. */
export class FakeWorkflowProgress implements WorkflowProgress {
  constructor(
    private readonly store: FakeApplicationStore,
    readonly log: string[] = store.log,
  ) {}

  async recordWait(wait: StepWait): Promise<void> {
    this.log.push(`recordWait ${wait.step ?? "start"} ${wait.round}`);
    this.store.waits.set(wait.applicationId, structuredClone(wait));
  }

  async currentWait(applicationId: string): Promise<StepWait | undefined> {
    const wait = this.store.waits.get(applicationId);
    return wait && structuredClone(wait);
  }

  async outcome(applicationId: string, round: number): Promise<StepOutcome | undefined> {
    const outcome = this.store.outcomes.get(roundKey(applicationId, round));
    return outcome && structuredClone(outcome);
  }

  async markAnnounced(applicationId: string, round: number, at: string): Promise<void> {
    this.log.push(`markAnnounced ${round}`);
    const outcome = this.store.outcomes.get(roundKey(applicationId, round));
    if (outcome && !outcome.announcedAt) outcome.announcedAt = at;
  }
}

/** The workflow engine: records the tokens sent back; dead tokens fail as a timed-out wait does. */
export class FakeWorkflowEngine implements WorkflowEngine {
  readonly sent: { token: string; output: Record<string, unknown> }[] = [];
  readonly failed: { token: string; error: string; cause: string }[] = [];
  readonly started: string[] = [];
  readonly deadTokens = new Set<string>();
  /** Thrown by the next sendTaskSuccess (other than a dead token), e.g. a throttling error. */
  failure: Error | undefined;

  constructor(readonly log: string[] = []) {}

  async startExecution(input: { name: string; licenseTypeId: string; input: WorkflowInput }) {
    this.started.push(input.name);
    return { executionId: `exec-${input.name}` };
  }

  async sendTaskFailure(token: string, error: string, cause: string): Promise<void> {
    this.log.push(`sendTaskFailure ${token} ${error}`);
    if (this.deadTokens.has(token)) throw new TaskNoLongerWaitingError();
    if (this.failure) throw this.failure;
    this.failed.push({ token, error, cause });
  }

  async sendTaskSuccess(token: string, output: Record<string, unknown>): Promise<void> {
    this.log.push(`sendTaskSuccess ${token}`);
    if (this.deadTokens.has(token)) throw new TaskNoLongerWaitingError();
    if (this.failure) throw this.failure;
    this.sent.push({ token, output: structuredClone(output) });
  }
}

export class FakePublisher implements EventPublisher {
  readonly published: { topic: NotificationTopic; notification: Notification }[] = [];

  async publish(topic: NotificationTopic, notification: Notification): Promise<void> {
    this.published.push({ topic, notification: structuredClone(notification) });
  }
}

/** Every delivery, as sent (the real inbox keeps one per notice id and recipient). */
export class FakeNotifier implements Notifier {
  readonly delivered: { notification: Notification; recipients: Recipient[] }[] = [];

  async deliver(notification: Notification, recipients: readonly Recipient[]): Promise<void> {
    this.delivered.push({ notification: structuredClone(notification), recipients: [...recipients] });
  }
}

export class FixedClock implements Clock {
  constructor(private at: Date) {}

  now(): Date {
    return new Date(this.at);
  }

  set(at: Date): void {
    this.at = at;
  }
}

/** A wait of the fixture application at `step` in `round`. */
export function stepWait(step: StepWait["step"], round: number, overrides: Partial<StepWait> = {}): StepWait {
  return {
    applicationId: "01JNZ8Y7M3Q4R5S6T7V8W9X0YZ",
    licenseTypeId: "food-premises-klong-dan",
    round,
    step,
    token: `token-${step}-${round}`,
    stateName: `Await-${step}`,
    stateInput: { applicationId: "01JNZ8Y7M3Q4R5S6T7V8W9X0YZ" },
    createdAt: "2026-03-02T03:00:00.000Z",
    ...overrides,
  };
}
