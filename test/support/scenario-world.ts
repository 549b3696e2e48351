import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import type { FiredTimer } from "../../infra/local/local-clock";
import { type LocalStack, startLocalStack } from "../../infra/local/local-stack";
import { findLicenseType } from "../../shared/catalog";
import { documentsRequiredToSubmit } from "../../shared/catalog/fact-condition";
import { ApiClient, completeFoodForm, foodLicenseTypeId, samplePdf } from "./api-client";

/**
 * The scenario suite's world: a local stack (DynamoDB Local, s3rver, the deployed ASL on
 * aws-local-stepfunctions) as a fresh start leaves it, the demo users signed in, and a clock that
 * jumps forward to the instants a scenario names, firing the law's timers on the way. Nothing is mocked.
 */
export interface World {
  stack: LocalStack;
  applicant: ApiClient;
  officer: ApiClient;
  officer2: ApiClient;
  opdc: ApiClient;
  /** Moves the clock to a Bangkok wall-clock time ("2027-04-12T17:00"); returns the timers that fired. */
  at(bangkok: string): Promise<FiredTimer[]>;
  /** Moves the clock forward by whole days (calendar). */
  later(days: number, hours?: number): Promise<FiredTimer[]>;
  /** Creates, fills, uploads every required document and submits; waits for the officer's check. */
  submitFoodApplication(): Promise<string>;
  /** The officer's action; returns status code and body. */
  act(
    id: string,
    action: Record<string, unknown>,
    as?: ApiClient,
    idempotencyKey?: string,
  ): Promise<{ status: number; body: Record<string, unknown> }>;
  /** Drives a submitted application to "documents complete" and waits for the next step. */
  confirmComplete(id: string): Promise<Record<string, unknown>>;
  /** …and through a passed inspection to the decision step. */
  inspectAndWaitForDecision(id: string): Promise<void>;
  app(id: string): Promise<Record<string, unknown>>;
  history(id: string): Promise<
    {
      action: string;
      toStatus: string;
      at: string;
      data?: Record<string, unknown>;
      comment?: string;
      dueAt?: string;
    }[]
  >;
  notices(
    id: string,
    topic?: string,
  ): {
    topic: string;
    publishedAt: string;
    kind: string;
    data?: Record<string, unknown>;
    recipients?: unknown;
    messageTh: string;
    messageEn: string;
  }[];
}

export function bangkok(wallClock: string): Date {
  return new Date(`${wallClock}:00+07:00`);
}

/**
 * Real time goes on after each jump (uploads, requests): instants measured from "now" are compared
 * to the minute.
 */
export function sameMinute(actual: unknown, expected: Date): boolean {
  return Math.abs(Date.parse(String(actual)) - expected.getTime()) < 60_000;
}

export interface Scenario {
  name: string;
  given: string;
  when: string;
  then: string;
  run: (world: World) => Promise<void>;
}

/**
 * Runs a table of scenarios, one test each, named "given …, when …, then …". They share one stack,
 * reset before each to what a fresh start gives (empty table and bucket, no workflow, no timer, the
 * clock at real time): starting DynamoDB Local and the rest takes ≈ 9 s, a reset well under one.
 */
export function scenarios(title: string, table: Scenario[]): void {
  describe(title, () => {
    let world: World;
    let stack: LocalStack | undefined;
    beforeAll(async () => {
      stack = await startLocalStack({ port: 0 });
    });
    beforeEach(async () => {
      await stack!.reset();
      world = await worldOn(stack!);
    });
    afterAll(async () => {
      await stack?.stop();
    });
    for (const s of table)
      it(`${s.name} — given ${s.given}, when ${s.when}, then ${s.then}`, () => s.run(world), 60_000);
  });
}

async function worldOn(stack: LocalStack): Promise<World> {
  const [applicant, officer, officer2, opdc] = await Promise.all(
    ["applicant", "officer", "supervisor", "opdc"].map((u) => ApiClient.signIn(stack.url, u)),
  );
  const licenseType = findLicenseType(foodLicenseTypeId)!;
  const world: World = {
    stack,
    applicant: applicant!,
    officer: officer!,
    officer2: officer2!,
    opdc: opdc!,
    at: (wallClock) => stack.advanceClock(bangkok(wallClock)),
    later: (days, hours = 0) =>
      stack.advanceClock(new Date(stack.clock.now().getTime() + (days * 24 + hours) * 3_600_000)),
    async submitFoodApplication() {
      const created = await world.applicant.post("/applications", {
        licenseTypeId: foodLicenseTypeId,
        formData: completeFoodForm,
      });
      const id = String(created.body.id);
      for (const doc of documentsRequiredToSubmit(licenseType, completeFoodForm))
        await world.applicant.uploadDocument(id, doc.key, samplePdf(`${id}-${doc.key}`));
      const submitted = await world.applicant.post(`/applications/${id}/submit`);
      if (submitted.status !== 200) throw new Error(`submit: ${JSON.stringify(submitted.body)}`);
      await world.officer.waitForStep(id, "completenessCheck");
      return id;
    },
    act: (id, action, as = world.officer, idempotencyKey) =>
      as.request<Record<string, unknown>>(
        "POST",
        `/officer/applications/${id}/actions`,
        action,
        undefined,
        idempotencyKey,
      ),
    async confirmComplete(id) {
      const res = await world.act(id, { action: "confirm-complete" });
      if (res.status !== 200) throw new Error(`confirm-complete: ${JSON.stringify(res.body)}`);
      await world.officer.waitForStep(id, "inspection");
      return res.body;
    },
    async inspectAndWaitForDecision(id) {
      const res = await world.act(id, {
        action: "record-inspection",
        result: "passed",
        findings: "ถูกต้องตามหลักเกณฑ์",
      });
      if (res.status !== 200) throw new Error(`record-inspection: ${JSON.stringify(res.body)}`);
      await world.officer.waitForStep(id, "decision");
    },
    app: async (id) => (await world.officer.get<Record<string, unknown>>(`/applications/${id}`)).body,
    history: async (id) =>
      (await world.officer.get<{ items: never[] }>(`/applications/${id}/history`)).body.items,
    notices: (id, topic) =>
      stack.notifications
        .list(topic ? { applicationId: id, topic } : { applicationId: id })
        .map((e) => ({ topic: e.topic, publishedAt: e.publishedAt, ...e.notification })),
  };
  return world;
}
