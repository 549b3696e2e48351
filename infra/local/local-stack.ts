import { rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { type TaskFunctionName, taskFunctions } from "../../functions/tasks/registry";
import { DynamoDbApplicationStore } from "../../shared/adapters/dynamodb/application-store";
import { DynamoDbDocumentRegistry } from "../../shared/adapters/dynamodb/document-registry";
import { DynamoDbLicenseRegister } from "../../shared/adapters/dynamodb/license-register";
import {
  applicationStore,
  documentRegistry,
  licenseRegister,
} from "../../shared/adapters/providers/application-store";
import { clock as clockProvider } from "../../shared/adapters/providers/clock";
import { documentStore } from "../../shared/adapters/providers/document-store";
import { eventPublisher } from "../../shared/adapters/providers/event-publisher";
import { userDirectory } from "../../shared/adapters/providers/user-directory";
import { workflowEngine } from "../../shared/adapters/providers/workflow-engine";
import { S3DocumentStore } from "../../shared/adapters/s3/document-store";
import { allLicenseTypes } from "../../shared/catalog";
import { systemClock } from "../../shared/ports/clock";
import { buildLicenseWorkflow } from "../../statemachines/license-workflow";
import { LocalApiGateway } from "./api-gateway";
import { assertClockStart, calendarNotice, clockFileName } from "./clock-start";
import { DemoUserDirectory } from "./demo-user-directory";
import { LocalJwtIssuer } from "./jwt-issuer";
import { type FiredTimer, LocalClock } from "./local-clock";
import { LocalJobs } from "./local-jobs";
import { localRoutes } from "./local-routes";
import { ensureTable } from "./local-table";
import { LocalNotificationLog } from "./notification-log";
import { operatorRoutes } from "./operator/operator-routes";
import { installOfficerDirectory } from "./seed-officers";
import { localSocketPool } from "./services/connections";
import { startDynamoDbLocal } from "./services/dynamodb-local";
import { S3_LOCAL_CREDENTIALS, startS3Local } from "./services/s3-local";
import { LocalWorkflowEngine } from "./workflow/local-workflow-engine";

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
  issuer: LocalJwtIssuer;
  store: DynamoDbApplicationStore;
  /** The SDK clients every adapter of the stack shares (the bench meters the requests they send). */
  clients: { dynamodb: DynamoDBClient; s3: S3Client };
  resumedTasks: number;
  /** Moves the clock forward, firing due timers in order and letting the workflows settle. */
  advanceClock(to: Date): Promise<FiredTimer[]>;
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
  const store = new DynamoDbApplicationStore(documentClient, localTableName);
  // One clock for everything the stack writes, from the seeded accounts on. Made once the services
  // are up, so a clock set by `clockStartsAt` shows that instant when the stack is ready, not seconds past.
  const clock = new LocalClock(
    options.dataDir ? join(options.dataDir, clockFileName) : undefined,
    options.clockStartsAt,
  );
  await installOfficerDirectory(documentClient, localTableName, clock.now());
  const notifications = new LocalNotificationLog(
    clock,
    options.dataDir ? join(options.dataDir, "notifications.jsonl") : undefined,
  );
  const definitions = Object.fromEntries(allLicenseTypes().map((t) => [t.id, buildLicenseWorkflow(t)]));
  const engine = new LocalWorkflowEngine(definitions, invokeTask, clock, log);

  applicationStore.use(store);
  documentRegistry.use(new DynamoDbDocumentRegistry(documentClient, localTableName));
  licenseRegister.use(new DynamoDbLicenseRegister(documentClient, localTableName));
  documentStore.use(new S3DocumentStore(s3Client, localBucketName, clock));
  workflowEngine.use(engine);
  eventPublisher.use(notifications);
  clockProvider.use(clock);
  userDirectory.use(new DemoUserDirectory());

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
  const operator = operatorRoutes({ issuer, notifications, now: () => clock.now(), advanceClock });
  const tokens = localRoutes({ issuer, notifications, clock });
  const gateway = new LocalApiGateway(
    projectRoot,
    issuer,
    async (req, body, url) => (await operator(req, body, url)) ?? tokens(req, body, url),
    clock,
  );
  const url = await gateway.listen(options.port ?? 0);
  const notice = calendarNotice(clock.now());
  if (notice) log(notice);

  const pending = await store.listPendingTasks();
  for (const task of pending) engine.resume(task);

  let stopped = false;
  return {
    url,
    clock,
    engine,
    notifications,
    issuer,
    store,
    clients: { dynamodb: ddb, s3: s3Client },
    resumedTasks: pending.length,
    advanceClock,
    async stop() {
      if (stopped) return;
      stopped = true;
      await gateway.close();
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
