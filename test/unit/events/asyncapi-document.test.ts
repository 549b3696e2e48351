import { createHmac } from "node:crypto";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { asyncApiDocument, messageKey } from "../../../functions/api/asyncapi-document";
import { apiRoutes } from "../../../functions/api/routes";
import { eventTypes } from "../../../shared/domain/events/catalog";
import { eventsOf } from "../../../shared/domain/events/events-of";
import { representativeTypes, stepActionChanges, systemChanges } from "../domain/event-samples";

/**
 * The AsyncAPI document's structure, checked here without an AsyncAPI parser (that would be a new
 * package, @asyncapi/parser): AsyncAPI 3.0's shape, one message per event type, every $ref resolving,
 * and every payload a JSON Schema (draft-07, AsyncAPI's default) that ajv compiles and that the
 * events eventsOf produces pass.
 */
// biome-ignore lint/suspicious/noExplicitAny: the document is plain JSON, walked by path here.
const doc = asyncApiDocument() as any;
const ajv = new Ajv({ strict: true, allErrors: true });
addFormats(ajv);

function resolve(ref: string): unknown {
  expect(ref.startsWith("#/"), ref).toBe(true);
  return ref
    .slice(2)
    .split("/")
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
}

function refsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refsIn);
  if (node && typeof node === "object")
    return Object.entries(node).flatMap(([k, v]) =>
      k === "$ref" && typeof v === "string" ? [v] : refsIn(v),
    );
  return [];
}

describe("GET /asyncapi.json: the event catalog as AsyncAPI 3.0", () => {
  it("is a public route", () => {
    expect(apiRoutes).toContainEqual(
      expect.objectContaining({ method: "GET", path: "/asyncapi.json", auth: "none" }),
    );
  });

  it("has AsyncAPI 3.0's parts: info, the agency's endpoint as server, one channel, one send operation", () => {
    expect(doc.asyncapi).toBe("3.0.0");
    expect(doc.info).toMatchObject({ title: expect.any(String), version: "1.0" });
    expect(doc.servers.agencyEndpoint).toMatchObject({ protocol: "https", host: "{host}" });
    expect(Object.keys(doc.channels)).toEqual(["events"]);
    expect(doc.operations.deliverEvent).toMatchObject({
      action: "send",
      channel: { $ref: "#/channels/events" },
      bindings: { http: { method: "POST" } },
    });
    // In 3.0 an operation's messages are the channel's own.
    for (const m of doc.operations.deliverEvent.messages)
      expect(m.$ref).toMatch(/^#\/channels\/events\/messages\//);
  });

  it("has one message per event type, named by it, in the channel and the operation", () => {
    expect(Object.keys(doc.components.messages).sort()).toEqual(eventTypes.map(messageKey).sort());
    for (const type of eventTypes) {
      const message = doc.components.messages[messageKey(type)];
      expect(message).toMatchObject({
        name: type,
        contentType: "application/json",
        summary: expect.any(String),
      });
      expect(message.payload.properties.type.const).toBe(type);
      expect(doc.channels.events.messages[messageKey(type)]).toBeDefined();
    }
    expect(doc.operations.deliverEvent.messages).toHaveLength(eventTypes.length);
    expect(new Set(eventTypes.map(messageKey)).size).toBe(eventTypes.length);
  });

  it("resolves every $ref", () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(eventTypes.length * 3);
    for (const ref of refs) expect(resolve(ref), ref).toBeDefined();
  });

  it("says the Standard Webhooks headers and the signature's security scheme", () => {
    const headers = doc.components.schemas.WebhookHeaders;
    expect(headers.required).toEqual(["webhook-id", "webhook-timestamp", "webhook-signature"]);
    expect(headers.properties["webhook-signature"].description).toContain("HMAC-SHA256");
    expect(doc.components.securitySchemes.webhookSignature).toMatchObject({
      type: "httpApiKey",
      in: "header",
      name: "webhook-signature",
    });
    expect(doc.servers.agencyEndpoint.security).toEqual([
      { $ref: "#/components/securitySchemes/webhookSignature" },
    ]);
    // A signature made as the document says passes its header schema.
    const secret = Buffer.from("a-test-secret-of-32-bytes-length");
    const [id, timestamp, body] = ["01JNZ8Y7M3Q4R5S6T7V8W9X0YZ:6:fix.requested", "1772420400", '{"a":1}'];
    const signature = createHmac("sha256", secret).update(`${id}.${timestamp}.${body}`).digest("base64");
    const validate = ajv.compile(headers);
    expect(
      validate({ "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": `v1,${signature}` }),
      ajv.errorsText(validate.errors),
    ).toBe(true);
    expect(
      validate({ "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": signature }),
    ).toBe(false);
  });

  it("gives payload schemas ajv compiles (draft-07), which every event eventsOf makes passes", () => {
    const validators = new Map(
      eventTypes.map((type) => [type, ajv.compile(doc.components.messages[messageKey(type)].payload)]),
    );
    const samples = [...stepActionChanges(), ...representativeTypes().flatMap(systemChanges)];
    const events = samples.flatMap((s) => eventsOf(s.change));
    expect(new Set(events.map((e) => e.type)).size).toBeGreaterThan(15);
    for (const event of events) {
      const validate = validators.get(event.type)!;
      expect(validate(event), `${event.id}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      // And no other type's schema takes it.
      const other = eventTypes.find((t) => t !== event.type)!;
      expect(validators.get(other)!(event)).toBe(false);
    }
  });

  it("lets receivers accept members added later (open objects), but not a missing one", () => {
    const payload = doc.components.messages[messageKey("application.approved")].payload;
    expect(payload.additionalProperties).toBeUndefined();
    expect(payload.required).toEqual(
      expect.arrayContaining([
        "id",
        "type",
        "specversion",
        "time",
        "agencyId",
        "licenseTypeId",
        "applicationId",
        "data",
      ]),
    );
  });
});
