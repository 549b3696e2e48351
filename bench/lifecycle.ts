import { type LocalStack, startLocalStack } from "../infra/local/local-stack";
import { findLicenseType } from "../shared/catalog";
import { workflowShapeOf } from "../shared/domain/workflow/workflow-key";
import { buildLicenseWorkflow } from "../statemachines/license-workflow";
import { foodLicenseTypeId } from "../test/support/api-client";
import type { ApplicationCounts } from "./cost";
import { MeasuredClient, type Sample } from "./load";
import { median } from "./load-time";
import { driveTypicalPath } from "./typical-path";
import { type DynamoDbUsage, type S3Usage, UsageMeter } from "./usage";

export interface LifecycleResult {
  stackStartMs: number;
  wallMs: number;
  finalStatus: string;
  executionStatus: string | undefined;
  /** Every API request of the timed run (the S3 form POSTs are not API requests and are left out). */
  requests: Sample[];
  history: { action: string; toStatus: string }[];
  transitions: { count: number; states: string[]; engineCounter: number | null };
  /** A second application on the same stack, metered (see `meteredLifecycle`). */
  metered: MeteredLifecycle;
}

/** One application through the e2e path of test/e2e/lifecycle.test.ts (the happy path with one fix). */
export async function runLifecycle(): Promise<LifecycleResult> {
  const t0 = performance.now();
  const stack = await startLocalStack({ port: 0 });
  const stackStartMs = performance.now() - t0;
  try {
    const meter = new UsageMeter(stack.clients);
    const samples: Sample[] = [];
    const applicant = await MeasuredClient.as(stack.url, "applicant", samples);
    const officer = await MeasuredClient.as(stack.url, "officer", samples);
    const start = performance.now();
    const id = await driveTypicalPath(applicant, officer, {
      now: () => stack.clock.now(),
      seed: "timed",
      beforeStep: async (who, appId, step) => {
        await (who === "officer" ? officer : applicant).waitForStep(appId, step);
      },
    });
    await stack.engine.settled();
    const wallMs = performance.now() - start;

    // The local engine counts the StateEntered events of aws-local-stepfunctions' execution log.
    const record = stack.engine.execution(id);
    const history = (await applicant.get(`/applications/${id}/history`)).body.items as {
      action: string;
      toStatus: string;
    }[];
    const walk = record?.statesEntered ?? [];
    const metered = await meteredLifecycle(stack, meter);
    return {
      stackStartMs,
      wallMs,
      finalStatus: history.at(-1)?.toStatus ?? "?",
      executionStatus: record?.status,
      requests: samples.filter((r) => r.kind !== "upload"),
      history: history.map((e) => ({ action: e.action, toStatus: e.toStatus })),
      transitions: { count: walk.length, states: walk, engineCounter: record?.transitions ?? null },
      metered,
    };
  } finally {
    await stack.stop();
  }
}

export interface MeteredLifecycle {
  counts: ApplicationCounts;
  dynamodb: DynamoDbUsage;
  s3: S3Usage;
  apiRequestsByRoute: Record<string, number>;
  taskInvocationsByState: Record<string, number>;
  lambdaMsMethod: string;
}

/**
 * The typical path once more, counting what it asks of each AWS service. Before each step-ending
 * request it waits for the workflow to settle in-process, as an officer acting hours later would find
 * it: no polling requests, no action waiting on the workflow, so every count is the path's own.
 */
async function meteredLifecycle(stack: LocalStack, meter: UsageMeter): Promise<MeteredLifecycle> {
  const samples: Sample[] = [];
  const applicant = await MeasuredClient.as(stack.url, "applicant", samples);
  const officer = await MeasuredClient.as(stack.url, "officer", samples);
  await stack.engine.settled();
  meter.reset();
  const id = await driveTypicalPath(applicant, officer, {
    now: () => stack.clock.now(),
    seed: "metered",
    beforeStep: () => stack.engine.settled(),
  });
  await stack.engine.settled();
  const usage = meter.snapshot();

  const definition = buildLicenseWorkflow(workflowShapeOf(findLicenseType(foodLicenseTypeId)!));
  const entered = stack.engine.execution(id)?.statesEntered ?? [];
  const tasks: Record<string, number> = {};
  for (const name of entered)
    if (definition.States[name]?.Type === "Task") tasks[name] = (tasks[name] ?? 0) + 1;
  const taskInvocations = Object.values(tasks).reduce((a, b) => a + b, 0);
  const api = samples.filter((s) => s.kind !== "upload");
  const routes: Record<string, number> = {};
  for (const s of api) routes[s.route] = (routes[s.route] ?? 0) + 1;
  const uploads = samples.length - api.length;
  const apiMs = api.map((s) => s.ms);
  const s3 = usage.s3.requests;
  const puts = (s3.PutObjectCommand ?? 0) + (s3.CopyObjectCommand ?? 0) + (s3.ListObjectsV2Command ?? 0);
  const gets = Object.values(s3).reduce((a, b) => a + b, 0) - puts;
  const counts: ApplicationCounts = {
    stateTransitions: entered.length,
    executions: 1,
    apiRequests: api.length,
    taskInvocations,
    lambdaMs: apiMs.reduce((a, b) => a + b, 0) + taskInvocations * median(apiMs),
    dynamodb: {
      readUnits: usage.dynamodb.readUnits,
      writeUnits: usage.dynamodb.writeUnits,
      requests: Object.values(usage.dynamodb.requests).reduce((a, b) => a + b, 0),
    },
    s3: { putCopyPostList: puts + uploads, getAndOther: gets, documentsKept: s3.PutObjectCommand ?? 0 },
    snsPublishes: stack.notifications.list({ applicationId: id }).length,
  };
  return {
    counts,
    dynamodb: usage.dynamodb,
    s3: { ...usage.s3, requests: { ...usage.s3.requests, "form POST (browser upload)": uploads } },
    apiRequestsByRoute: routes,
    taskInvocationsByState: tasks,
    lambdaMsMethod:
      "API invocations: each request's time as the client saw it on loopback (handler plus the local gateway, an upper bound); task invocations: the median API request each",
  };
}
