import * as z from "zod/mini";
import { type EventType, eventSpecVersion, eventTypes } from "../../shared/domain/events/catalog";
import { eventSchemaOf, eventSummaries } from "../../shared/schemas/events";

/**
 * The event catalog as AsyncAPI 3.0, generated from the same zod schemas the events are checked
 * with (shared/schemas/events.ts). The portal is the sender: it POSTs each event to an endpoint the
 * agency registers (the server, whose host and path the agency chooses), signed per Standard Webhooks
 * (https://www.standardwebhooks.com): the receiver checks the signature and the timestamp, then
 * de-duplicates on `webhook-id`, which is the event's own `id`.
 */

/** `application.submitted` → `applicationSubmitted`: a component key (letters, digits, `.`/`_`/`-`). */
export const messageKey = (type: EventType) => type.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase());

/**
 * A zod schema as an AsyncAPI Schema Object, the superset of JSON Schema draft-07 that AsyncAPI 3.0
 * takes by default (its own `$schema` dropped: the document's format says which dialect). Input
 * shapes: objects stay open, so a receiver validating with them accepts members added later.
 */
function schemaOf(schema: z.ZodMiniType): Record<string, unknown> {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { target: "draft-7", io: "input" }) as Record<
    string,
    unknown
  >;
  return json;
}

const webhookHeaders = {
  type: "object",
  required: ["webhook-id", "webhook-timestamp", "webhook-signature"],
  properties: {
    "webhook-id": {
      type: "string",
      description: "The event's id: the same on every retry of one event; de-duplicate on it",
    },
    "webhook-timestamp": {
      type: "string",
      pattern: "^[0-9]+$",
      description: "Seconds since the Unix epoch when this attempt was signed; refuse one far from now",
    },
    "webhook-signature": {
      type: "string",
      pattern: "^v1,[A-Za-z0-9+/]+={0,2}( v1,[A-Za-z0-9+/]+={0,2})*$",
      description:
        "Space-separated `v1,<signature>`, each the base64 of HMAC-SHA256 over `<webhook-id>.<webhook-timestamp>.<body>` " +
        "with the endpoint's secret (the base64 after `whsec_`); more than one while a secret is rotated",
    },
    "content-type": { type: "string", const: "application/json" },
  },
};

export function asyncApiDocument(): Record<string, unknown> {
  const messages = Object.fromEntries(
    eventTypes.map((type) => [
      messageKey(type),
      {
        name: type,
        title: type,
        summary: eventSummaries[type],
        contentType: "application/json",
        headers: { $ref: "#/components/schemas/WebhookHeaders" },
        payload: schemaOf(eventSchemaOf(type)),
        correlationId: { $ref: "#/components/correlationIds/eventId" },
        bindings: { http: { bindingVersion: "0.3.0" } },
      },
    ]),
  );
  const channelMessages = Object.fromEntries(
    eventTypes.map((type) => [messageKey(type), { $ref: `#/components/messages/${messageKey(type)}` }]),
  );
  return {
    asyncapi: "3.0.0",
    id: "urn:th:bizportal:events",
    info: {
      title: "Biz Portal e-licensing events",
      version: eventSpecVersion,
      description:
        "What an agency's system is told when an application or a license of its own changes: one " +
        "POST per event to the endpoint the agency registered, signed per Standard Webhooks. Events " +
        "hold state facts and API paths, never documents or personal data; read the rest from the API " +
        "(GET /openapi.json) with the agency's credentials. Answer 2xx once the event is stored: " +
        "anything else, or no answer, is retried with the same webhook-id.",
    },
    defaultContentType: "application/json",
    servers: {
      agencyEndpoint: {
        host: "{host}",
        pathname: "/{path}",
        protocol: "https",
        description: "The agency's webhook endpoint (HTTPS only), registered with the portal",
        variables: {
          host: { description: "The endpoint's host (and port)", examples: ["hooks.example.go.th"] },
          path: { description: "The endpoint's path", examples: ["bizportal/events"] },
        },
        security: [{ $ref: "#/components/securitySchemes/webhookSignature" }],
      },
    },
    channels: {
      events: {
        address: null,
        title: "The agency's webhook endpoint",
        description: "Every event of the agency's license types, one per request (POST)",
        servers: [{ $ref: "#/servers/agencyEndpoint" }],
        messages: channelMessages,
      },
    },
    operations: {
      deliverEvent: {
        action: "send",
        title: "Deliver an event",
        summary: "POST one event to the agency's endpoint; retried until it answers 2xx",
        channel: { $ref: "#/channels/events" },
        messages: eventTypes.map((type) => ({ $ref: `#/channels/events/messages/${messageKey(type)}` })),
        bindings: { http: { method: "POST", bindingVersion: "0.3.0" } },
      },
    },
    components: {
      messages,
      schemas: { WebhookHeaders: webhookHeaders },
      correlationIds: {
        eventId: { description: "The event's id, also sent as webhook-id", location: "$message.payload#/id" },
      },
      securitySchemes: {
        webhookSignature: {
          type: "httpApiKey",
          name: "webhook-signature",
          in: "header",
          description:
            "Standard Webhooks signature (HMAC-SHA256, symmetric): the portal signs `<webhook-id>.<webhook-timestamp>.<body>` " +
            "with the endpoint's secret; the receiver recomputes it and compares in constant time",
        },
      },
    },
  };
}
