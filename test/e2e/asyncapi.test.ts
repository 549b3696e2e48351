import Ajv from "ajv";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asyncApiDocument, messageKey } from "../../functions/api/asyncapi-document";
import { type LocalStack, startLocalStack } from "../../infra/local/local-stack";
import type { Application, HistoryEvent } from "../../shared/domain/application/types";
import { eventTypes } from "../../shared/domain/events/catalog";
import { eventsOf } from "../../shared/domain/events/events-of";
import { ApiClient } from "../support/api-client";
import { submittedFoodApplication } from "../support/draft";

/**
 * Issue 17: an agency's developer reads the event catalog from the running API, without signing in,
 * and an event made from a change the API really committed passes the served schema.
 */
describe("GET /asyncapi.json on the local stack", () => {
  let stack: LocalStack;
  // biome-ignore lint/suspicious/noExplicitAny: plain JSON, walked by path.
  let doc: any;

  beforeAll(async () => {
    stack = await startLocalStack({ port: 0 });
  });
  afterAll(() => stack?.stop());

  it("is served to anyone as JSON: AsyncAPI 3.0 with a message per event type", async () => {
    const res = await fetch(`${stack.url}/asyncapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    doc = await res.json();
    expect(doc.asyncapi).toBe("3.0.0");
    expect(doc).toEqual(asyncApiDocument());
    expect(Object.keys(doc.components.messages)).toHaveLength(eventTypes.length);
  });

  it("describes a change the API committed: the officer's fix request, as fix.requested", async () => {
    const applicant = await ApiClient.signIn(stack.url, "applicant");
    const officer = await ApiClient.signIn(stack.url, "officer");
    const id = await submittedFoodApplication(applicant);
    const asked = await officer.post(`/officer/applications/${id}/actions`, {
      action: "request-fix",
      items: [{ documentKey: "medicalCertificates", reason: "ใบรับรองแพทย์เกิน 1 เดือน" }],
      deadline: new Date(Date.now() + 5 * 86_400_000).toISOString(),
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    const { waitingFor: _, ...application } = (
      await officer.get<Application & { waitingFor: unknown }>(`/applications/${id}`)
    ).body;
    const history = (await officer.get<{ items: HistoryEvent[] }>(`/applications/${id}/history`)).body.items;
    const event = history.find((e) => e.action === "request-fix")!;
    const [fixRequested, ...more] = eventsOf({
      application,
      expectedVersion: application.version - 1,
      event,
    });
    expect(more).toEqual([]);
    expect(fixRequested).toMatchObject({
      id: `${id}:${application.version}:fix.requested`,
      type: "fix.requested",
      data: { documentKeys: ["medicalCertificates"], links: { application: `/applications/${id}` } },
    });
    const ajv = new Ajv({ strict: true, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(doc.components.messages[messageKey("fix.requested")].payload);
    expect(validate(fixRequested), ajv.errorsText(validate.errors)).toBe(true);
    // The links it gives work with the agency officer's own token.
    expect((await officer.get(fixRequested!.data.links.history)).status).toBe(200);
  });
});
