import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureTable } from "../../infra/local/local-table";
import { startDynamoDbLocal } from "../../infra/local/services/dynamodb-local";
import { DynamoDbApplicationStore } from "../../shared/adapters/dynamodb/application-store";
import { findLicenseType } from "../../shared/catalog";
import type { Actor } from "../../shared/domain/actor";
import { ApplicationDeadlines } from "../../shared/domain/application/deadlines";
import { change, createDraft, submit, updateDraft } from "../../shared/domain/application/lifecycle";
import type { Application } from "../../shared/domain/application/types";
import { SequenceMoved } from "../../shared/ports/application-store";
import { completeFoodForm, foodLicenseTypeId } from "../support/api-client";

/** The DynamoDB adapter against DynamoDB Local: transactions, version conditions, the queue index. */
describe("DynamoDbApplicationStore on DynamoDB Local", () => {
  let stop: () => Promise<void>;
  let store: DynamoDbApplicationStore;
  const licenseType = findLicenseType(foodLicenseTypeId)!;
  const applicant: Actor = { userId: "user-1", roles: ["applicant"] };
  const deadlines = new ApplicationDeadlines();

  beforeAll(async () => {
    const dynamo = await startDynamoDbLocal();
    stop = dynamo.stop;
    const client = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: "ap-southeast-7",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });
    await ensureTable(client, "store-test");
    store = new DynamoDbApplicationStore(DynamoDBDocumentClient.from(client), "store-test");
  });
  afterAll(() => stop?.());

  async function submitted(id: string, at: string): Promise<Application> {
    const draft = createDraft({ id, licenseType, applicant, formData: completeFoodForm, now: new Date(at) });
    await store.create(draft.application, draft.event);
    const app: Application = {
      ...draft.application,
      documents: Object.fromEntries(
        licenseType.manual.documents.map((d) => [
          d.key,
          {
            sha256: "a".repeat(64),
            fileName: "x.pdf",
            contentType: "application/pdf",
            size: 1,
            attachedAt: at,
          },
        ]),
      ),
    };
    const change = submit(app, licenseType, applicant, new Date(at), deadlines);
    await store.apply({ ...change, expectedVersion: draft.application.version });
    return change.application;
  }

  it("writes a change and its event together, and refuses a stale version", async () => {
    const { application, event } = createDraft({
      id: "01JDRAFT0000000000000000A1",
      licenseType,
      applicant,
      formData: {},
      now: new Date("2026-03-02T03:00:00Z"),
    });
    await store.create(application, event);
    await expect(store.create(application, event)).rejects.toMatchObject({ code: "CONCURRENT_MODIFICATION" });
    const first = updateDraft(
      application,
      licenseType,
      { businessName: "A" },
      applicant,
      new Date("2026-03-02T03:01:00Z"),
    );
    const second = updateDraft(
      application,
      licenseType,
      { businessName: "B" },
      applicant,
      new Date("2026-03-02T03:01:00Z"),
    );
    await store.apply(first);
    await expect(store.apply(second)).rejects.toMatchObject({ code: "CONCURRENT_MODIFICATION" });
    expect((await store.get(application.id))?.formData.businessName).toBe("A");
    expect((await store.history(application.id)).map((e) => e.action)).toEqual(["create", "update-form"]);
  });

  it("consumes a task token only once: a second action on the same step is refused", async () => {
    const app = await submitted("01JTASK00000000000000000B1", "2026-03-02T03:00:00Z");
    await store.putPendingTask({
      applicationId: app.id,
      step: "completenessCheck",
      token: "t-1",
      stateName: "AwaitCompletenessCheck",
      stateInput: { applicationId: app.id, licenseTypeId: foodLicenseTypeId },
      createdAt: "2026-03-02T03:00:01Z",
    });
    expect((await store.listPendingTasks()).map((t) => t.token)).toContain("t-1");
    const change = {
      application: { ...app, status: "DOCS_COMPLETE" as const, version: app.version + 1 },
      expectedVersion: app.version,
      event: {
        applicationId: app.id,
        at: "2026-03-02T04:00:00Z",
        actor: { userId: "o", role: "officer" },
        action: "confirm-complete",
        fromStatus: app.status,
        toStatus: "DOCS_COMPLETE" as const,
      },
      endsStep: "completenessCheck" as const,
    };
    await store.apply(change);
    expect(await store.getPendingTask(app.id, "completenessCheck")).toBeUndefined();
    const again = {
      ...change,
      application: { ...change.application, version: change.application.version + 1 },
      expectedVersion: change.application.version,
      event: { ...change.event, at: "2026-03-02T04:00:01Z" },
    };
    await expect(store.apply(again)).rejects.toMatchObject({ code: "WORKFLOW_NOT_WAITING" });
  });

  it("lists an agency's queue by due time across statuses, without drafts", async () => {
    const later = await submitted("01JQUEUE0000000000000000C2", "2026-03-04T03:00:00Z");
    const sooner = await submitted("01JQUEUE0000000000000000C1", "2026-03-03T03:00:00Z");
    const queue = await store.agencyQueue("sao-khlong-dan", ["SUBMITTED", "DOCS_COMPLETE"], 50);
    const ids = queue.map((a) => a.id);
    expect(ids.indexOf(sooner.id)).toBeLessThan(ids.indexOf(later.id));
    expect(ids).not.toContain("01JDRAFT0000000000000000A1");
    expect(queue.every((a, i) => i === 0 || String(queue[i - 1]!.dueAt) <= String(a.dueAt))).toBe(true);
    expect(await store.agencyQueue("sao-wang-hin", ["SUBMITTED"], 50)).toEqual([]);
  });

  it("takes a license number only with the write that records it, so the register has no holes", async () => {
    const scope = "KD-FOOD200-2569";
    const ids = Array.from({ length: 6 }, (_, i) => `01JSEQ00000000000000000${String(i).padStart(3, "0")}`);
    const apps = await Promise.all(ids.map((id) => submitted(id, "2026-03-02T03:00:00Z")));
    const note = (app: Application) => change(app, {}, applicant, "applicant", "note", new Date());
    // Six writes race for number 1: one takes it, the others are told the sequence moved.
    const first = await Promise.allSettled(
      apps.map((app) => store.apply(note(app), { sequence: { scope, value: 1 } })),
    );
    expect(first.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of first.filter((r) => r.status === "rejected"))
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(SequenceMoved);
    expect(await store.currentSequence(scope)).toBe(1);
    // A write that loses on its own version burns nothing: the sequence stays where it was.
    const stale = { ...note(apps[1]!), expectedVersion: 99 };
    await expect(store.apply(stale, { sequence: { scope, value: 2 } })).rejects.toMatchObject({
      code: "CONCURRENT_MODIFICATION",
    });
    expect(await store.currentSequence(scope)).toBe(1);
    await store.apply(note((await store.get(apps[1]!.id))!), { sequence: { scope, value: 2 } });
    expect(await store.currentSequence(scope)).toBe(2);
    expect(await store.currentSequence("KD-OTHER-2569")).toBe(0);
  });
});
