import { rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { type TaskFunctionName, taskFunctions } from "../../functions/tasks/registry";
import { DynamoDbApplicationStore } from "../../shared/adapters/dynamodb/application-store";
import { DynamoDbBusinessStore } from "../../shared/adapters/dynamodb/business-store";
import { DynamoDbDocumentRegistry } from "../../shared/adapters/dynamodb/document-registry";
import { DynamoDbIdempotencyStore } from "../../shared/adapters/dynamodb/idempotency-store";
import { DynamoDbInbox } from "../../shared/adapters/dynamodb/inbox";
import { DynamoDbLicenseRegister } from "../../shared/adapters/dynamodb/license-register";
import { DynamoDbOfficerQueue } from "../../shared/adapters/dynamodb/queue-index";
import {
  applicationStore,
  documentRegistry,
  idempotencyStore,
  licenseRegister,
  officerQueue,
  workflowProgress,
} from "../../shared/adapters/providers/application-store";
import { businessStore } from "../../shared/adapters/providers/business-store";
import { clock as clockProvider } from "../../shared/adapters/providers/clock";
import { documentStore } from "../../shared/adapters/providers/document-store";
import { eventPublisher } from "../../shared/adapters/providers/event-publisher";
import { licenseCatalog } from "../../shared/adapters/providers/license-catalog";
import { inbox, notifier, roleDirectory } from "../../shared/adapters/providers/notifier";
import { userDirectory } from "../../shared/adapters/providers/user-directory";
import { workflowEngine } from "../../shared/adapters/providers/workflow-engine";
import { S3DocumentStore } from "../../shared/adapters/s3/document-store";
import { systemClock } from "../../shared/adapters/system-clock";
import { allLicenseTypes } from "../../shared/catalog";
import { settleOutcome } from "../../shared/domain/services/step-change";
import { LocalApiGateway } from "./api-gateway";
import { assertClockStart, calendarNotice, clockFileName } from "./clock-start";
import { DemoUserDirectory } from "./demo-user-directory";
import { LocalJwtIssuer } from "./jwt-issuer";
import { emptyBucket } from "./local-bucket";
import { type FiredTimer, LocalClock } from "./local-clock";
import { LocalJobs } from "./local-jobs";
import { localRoutes } from "./local-routes";
import { commitBarrierKey, ensureTable, recreateTable } from "./local-table";
import { LocalNotificationLog } from "./notification-log";
import { operatorRoutes } from "./operator/operator-routes";
import { LocalOutbox } from "./outbox";
import { installOfficerDirectory } from "./seed-officers";
import { localSocketPool } from "./services/connections";
import { awaitQueuedCommits, startDynamoDbLocal } from "./services/dynamodb-local";
import { S3_LOCAL_CREDENTIALS, startS3Local } from "./services/s3-local";
import { LocalReconciler } from "./workflow/local-reconciler";
import { LocalWorkflowEngine } from "./workflow/local-workflow-engine";
import { LocalWorkflowProgress, openWaitItem } from "./workflow/local-workflow-progress";
import { localWorkflows } from "./workflow/local-workflows";

export const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
export const localTableName = "bizportal-local";
export const localBucketName = "bizportal-local-documents";
export const localIssuer = "https://cognito-idp.local/bizportal";

export interface LocalStackOptions {
  /** Folder the data persists in; undefined keeps everything in memory (tests). */
  dataDir?: string;
  /** Wipe the data folder first. */
  fresh?: boolean;
  /** HTTP port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  /**
   * Start the clock at this instant (e.g. in the past, to replay a case) instead of real time. Only on
   * an empty data folder (or with `fresh`, or in memory), and inside the holiday calendar's years;
   * otherwise `startLocalStack` throws a LocalStartError before starting anything.
   */
  clockStartsAt?: Date;
  log?: (message: string, error?: unknown) => void;
}

export interface LocalStack {
  url: string;
  clock: LocalClock;
  engine: LocalWorkflowEngine;
  notifications: LocalNotificationLog;
  /** What each person was sent (the inboxes hold the same). */
  outbox: LocalOutbox;
  issuer: LocalJwtIssuer;
  store: DynamoDbApplicationStore;
  /** The SDK clients every adapter of the stack shares (the bench meters the requests they send). */
  clients: { dynamodb: DynamoDBClient; s3: S3Client };
  resumedTasks: number;
  /** Where DynamoDB Local and s3rver listen, for tests that look at what the stack stored. */
  endpoints: { dynamodb: string; s3: string };
  /** Moves the clock forward, firing due timers in order and letting the workflows settle. */
  advanceClock(to: Date): Promise<FiredTimer[]>;
  /**
   * Back to what a fresh start in memory gives, without restarting a service, so a test file can
   * share one stack: what is under way settles, then every execution, wait and timer is dropped, the
   * table (indexes too) and the documents bucket are emptied, the notification log is cleared, the
   * demo accounts are seeded again and the clock stands at `clockStartsAt` (real time without it),
   * which may lie before where it was. Only for a stack without a data folder, whose time never goes
   * back; restart tests stop and start a stack for real.
   */
  reset(options?: { clockStartsAt?: Date }): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The whole backend on one machine (DESIGN.md §7): DynamoDB Local, s3rver, the deployed ASL on
 * aws-local-stepfunctions, SNS as an in-process log, a JWT issuer, and the HTTP API in front of the
 * same handlers CDK deploys. Waiting workflows are rebuilt from the stored task items.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const log = options.log ?? ((m, e) => console.error(m, e ?? ""));
  process.env.POWERTOOLS_LOG_LEVEL ??= "WARN";
  if (options.clockStartsAt) assertClockStart(options.clockStartsAt, options.dataDir, options.fresh ?? false);
  if (options.fresh && options.dataDir) await rm(options.dataDir, { recursive: true, force: true });
  const [dynamo, s3] = await Promise.all([
    startDynamoDbLocal(options.dataDir ? { dataDir: options.dataDir } : {}),
    startS3Local({ buckets: [localBucketName], ...(options.dataDir ? { dataDir: options.dataDir } : {}) }),
  ]);
  const region = "ap-southeast-7";
  const ddb = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region,
    credentials: S3_LOCAL_CREDENTIALS,
    requestHandler: localSocketPool(),
  });
  await ensureTable(ddb, localTableName);
  const s3Client = new S3Client({
    endpoint: s3.endpoint,
    region,
    forcePathStyle: true,
    credentials: S3_LOCAL_CREDENTIALS,
    requestHandler: localSocketPool(),
  });
  const documentClient = DynamoDBDocumentClient.from(ddb, {
    marshallOptions: { removeUndefinedValues: true },
  });
  const store = new DynamoDbApplicationStore(documentClient, localTableName, openWaitItem);
  const progress = new LocalWorkflowProgress(documentClient, localTableName);
  // One clock for everything the stack writes, from the seeded accounts on. Made once the services
  // are up, so a clock set by `clockStartsAt` shows that instant when the stack is ready, not seconds past.
  const { clock, rewind } = options.dataDir
    ? {
        clock: new LocalClock(join(options.dataDir, clockFileName), options.clockStartsAt),
        rewind: undefined,
      }
    : LocalClock.rewindable(options.clockStartsAt);
  const notifications = new LocalNotificationLog(
    clock,
    options.dataDir ? join(options.dataDir, "notifications.jsonl") : undefined,
  );
  const dynamoInbox = new DynamoDbInbox(documentClient, localTableName);
  const outbox = new LocalOutbox(
    dynamoInbox,
    clock,
    options.dataDir ? join(options.dataDir, "outbox.jsonl") : undefined,
  );
  // One workflow per key, as CDK deploys them (ADR 0013); the engine finds a license type's by its key.
  const engine = new LocalWorkflowEngine(
    localWorkflows(allLicenseTypes()),
    invokeTask,
    clock,
    log,
    async (applicationId) => {
      await progress
        .closeWait(applicationId)
        .catch((error) => log(`Could not close the wait of ${applicationId}`, error));
    },
  );

  // The handlers find the adapters through the providers; a reset installs them again, as a start would.
  const install = async () => {
    await installOfficerDirectory(documentClient, localTableName, clock.now());
    applicationStore.use(store);
    workflowProgress.use(progress);
    documentRegistry.use(new DynamoDbDocumentRegistry(documentClient, localTableName));
    licenseRegister.use(new DynamoDbLicenseRegister(documentClient, localTableName));
    officerQueue.use(new DynamoDbOfficerQueue(documentClient, localTableName));
    idempotencyStore.use(new DynamoDbIdempotencyStore(documentClient, localTableName));
    businessStore.use(new DynamoDbBusinessStore(documentClient, localTableName));
    documentStore.use(new S3DocumentStore(s3Client, localBucketName, clock));
    workflowEngine.use(engine);
    eventPublisher.use(notifications);
    clockProvider.use(clock);
    const users = new DemoUserDirectory();
    userDirectory.use(users);
    roleDirectory.use(users);
    notifier.use(outbox);
    inbox.use(dynamoInbox);
  };
  await install();

  // Tokens keep real time, minted and verified alike (see LocalJwtIssuer): not the movable clock.
  const issuer = await LocalJwtIssuer.create(
    localIssuer,
    options.dataDir ? join(options.dataDir, "jwt-key.json") : undefined,
    systemClock,
  );
  const jobs = new LocalJobs(projectRoot, clock, log);
  jobs.start();
  // Settled: no workflow between states, no job running, no timer already due.
  const settle = async () => {
    do {
      await engine.settled();
      await jobs.settled();
    } while (clock.dueTimers() > 0);
  };
  const advanceClock = (to: Date) => clock.advanceTo(to, settle);
  const operator = operatorRoutes({ issuer, notifications, outbox, now: () => clock.now(), advanceClock });
  const tokens = localRoutes({ issuer, notifications, clock });
  const gateway = new LocalApiGateway(
    projectRoot,
    issuer,
    async (req, body, url) => (await operator(req, body, url)) ?? tokens(req, body, url),
    clock,
    () => awaitQueuedCommits(ddb, localTableName, commitBarrierKey),
  );
  const url = await gateway.listen(options.port ?? 0);
  const notice = calendarNotice(clock.now());
  if (notice) log(notice);

  const reconciler = new LocalReconciler(
    progress,
    engine,
    (applicationId, round) =>
      settleOutcome(
        {
          store,
          progress,
          workflow: engine,
          publisher: notifications,
          notifier: outbox,
          clock,
          catalog: licenseCatalog(),
        },
        applicationId,
        round,
      ),
    log,
  );
  const resumed = await reconciler.resumeAll();
  reconciler.start();

  let stopped = false;
  return {
    url,
    clock,
    engine,
    notifications,
    outbox,
    issuer,
    store,
    clients: { dynamodb: ddb, s3: s3Client },
    resumedTasks: resumed,
    endpoints: { dynamodb: dynamo.endpoint, s3: s3.endpoint },
    advanceClock,
    async reset(resetOptions = {}) {
      if (!rewind)
        throw new Error("Only a stack without a data folder resets: a folder's time never goes back");
      const { clockStartsAt } = resetOptions;
      if (clockStartsAt) assertClockStart(clockStartsAt, undefined, false);
      // A task between states would write to the table after it is emptied: let it finish first.
      await settle();
      jobs.stop();
      // Its sweep reads the table that is about to be emptied.
      await reconciler.stop();
      rewind(clockStartsAt);
      await engine.reset();
      notifications.clear();
      outbox.clear();
      await Promise.all([recreateTable(ddb, localTableName), emptyBucket(s3Client, localBucketName)]);
      await install();
      jobs.start();
      reconciler.start();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await gateway.close();
      await reconciler.stop();
      jobs.stop();
      await jobs.settled();
      await engine.stop();
      clock.dispose();
      await Promise.all([dynamo.stop(), s3.stop()]);
    },
  };
}

const taskHandlers = new Map<
  TaskFunctionName,
  Promise<(event: unknown, context: unknown) => Promise<unknown>>
>();

/** Invokes a task function as Lambda would: the same module, the payload as the event. */
async function invokeTask(fn: TaskFunctionName, payload: unknown): Promise<unknown> {
  let handler = taskHandlers.get(fn);
  if (!handler) {
    handler = import(join(projectRoot, taskFunctions[fn].entry)).then((m) => m.handler);
    taskHandlers.set(fn, handler);
  }
  return (await handler)(payload, { awsRequestId: `local-${fn}`, getRemainingTimeInMillis: () => 30_000 });
}
