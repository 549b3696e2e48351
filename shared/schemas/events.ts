import * as z from "zod/mini";
import { applicationStatuses } from "../domain/application/status";
import {
  type EventData,
  type EventOf,
  type EventType,
  eventSpecVersion,
  eventTypes,
} from "../domain/events/catalog";
import { applicationIdSchema, documentKeySchema, isoInstantSchema, licenseTypeIdSchema } from "./common";
import type { Assert, SameType } from "./same-type";

/**
 * The event catalog as published (issue 17): one schema per event type, the contract agencies'
 * systems code against. The AsyncAPI document (GET /asyncapi.json) is generated from these, and the
 * domain's types (shared/domain/events/catalog.ts) must equal their output or this file fails to
 * compile. Objects are open (`z.object`): a receiver must ignore members it does not know, so adding
 * one is not a breaking change; removing or changing one bumps `specversion`.
 */

const described = <T extends z.ZodMiniType>(schema: T, description: string): T =>
  schema.check(z.describe(description)) as T;

const apiPath = z.string().check(z.regex(/^\/[\w\-/%.]*$/, "must be an API path"));
const links = described(
  z.object({
    application: described(apiPath, "GET: the application (the agency's officer token)"),
    history: described(apiPath, "GET: its history"),
    license: z.optional(described(apiPath, "GET: the license the application issued")),
    verify: z.optional(described(apiPath, "GET, public: whether the license holds")),
  }),
  "API paths to read more with the agency's own credentials; never documents themselves",
);
const amountTHB = z.number().check(z.nonnegative());
const licenseNumber = z.string().check(z.minLength(1), z.maxLength(100));
const withLinks = <S extends z.core.$ZodLooseShape>(shape: S) => z.object({ ...shape, links });
const licenseData = withLinks({ licenseNumber });

export const eventDataSchemas = {
  "application.submitted": withLinks({
    caseType: z.enum(["new", "renew", "amend", "cancel"]),
    submittedAt: isoInstantSchema,
  }),
  "fix.requested": withLinks({
    documentKeys: described(z.array(documentKeySchema), "The manual's documents to fix (s.8 memo)"),
    deadline: isoInstantSchema,
  }),
  "fix.submitted": withLinks({}),
  "application.returned": withLinks({ deadline: z.optional(isoInstantSchema) }),
  "documents.complete": withLinks({
    clockStartedAt: described(isoInstantSchema, "The legal clock starts here"),
    decisionDueAt: isoInstantSchema,
  }),
  "inspection.scheduled": withLinks({ scheduledAt: isoInstantSchema }),
  "inspection.recorded": withLinks({ result: z.enum(["passed", "failed"]) }),
  "committee.resolved": withLinks({ resolution: z.enum(["recommendApproval", "recommendRejection"]) }),
  "application.approved": withLinks({ feeTHB: described(amountTHB, "The fee to pay, in baht") }),
  "application.rejected": withLinks({
    reasonCount: described(
      z.number().check(z.int(), z.positive()),
      "The reasons are read from the application",
    ),
  }),
  "application.withdrawn": withLinks({ fromStatus: z.enum(applicationStatuses) }),
  "decision.overdue": withLinks({
    noticeNo: z.number().check(z.int(), z.positive()),
    decisionDueAt: isoInstantSchema,
    nextNoticeAt: isoInstantSchema,
  }),
  "assessment.issued": withLinks({ assessmentNumber: z.string().check(z.minLength(1)), amountTHB }),
  "payment.confirmed": withLinks({
    receiptNumber: z.string().check(z.minLength(1)),
    amountTHB,
    channel: z.enum(["counter", "billPayment"]),
  }),
  "license.issued": licenseData,
  "license.collected": licenseData,
  "license.renewed": licenseData,
  "license.amended": licenseData,
  "license.cancelled": licenseData,
  "license.expiring": withLinks({ licenseNumber, validUntil: isoInstantSchema }),
} satisfies Record<EventType, z.ZodMiniType>;

/** What each type means, for the AsyncAPI messages. */
export const eventSummaries: Record<EventType, string> = {
  "application.submitted": "An applicant filed an application with the agency",
  "fix.requested": "An officer asked for fixes or more documents by a deadline (s.8)",
  "fix.submitted": "The applicant sent the fixed documents back",
  "application.returned": "The fix deadline passed: the application is returned (s.8)",
  "documents.complete": "The documents are complete: the legal clock starts",
  "inspection.scheduled": "An inspection of the premises is scheduled",
  "inspection.recorded": "The inspection's result is recorded",
  "committee.resolved": "The committee's resolution is recorded",
  "application.approved": "The application is approved, with the fee to pay",
  "application.rejected": "The application is rejected",
  "application.withdrawn": "The applicant withdrew the application",
  "decision.overdue": "The decision is late: the applicant and OPDC are told (s.10), every 7 days",
  "assessment.issued": "A tax assessment states the amount to pay",
  "payment.confirmed": "The payment is confirmed with its receipt",
  "license.issued": "A new license is issued",
  "license.collected": "The holder collected the license",
  "license.renewed": "The license is renewed (same number, validity extended)",
  "license.amended": "The license is amended (same number and validity)",
  "license.cancelled": "The license is cancelled",
  "license.expiring": "The license expires within 30 days and is not renewed yet",
};

/** One event's envelope with its type's payload. */
export function eventSchemaOf<T extends EventType>(type: T) {
  return z.object({
    id: described(
      z.string().check(z.minLength(1), z.maxLength(300)),
      "Stable per state change (`<applicationId>:<version>:<type>`): de-duplicate on it; equals the webhook-id header",
    ),
    type: z.literal(type),
    specversion: described(z.literal(eventSpecVersion), "The catalog version; bumped on a breaking change"),
    time: described(isoInstantSchema, "When the change committed"),
    agencyId: z.string().check(z.minLength(1), z.maxLength(100)),
    licenseTypeId: licenseTypeIdSchema,
    applicationId: applicationIdSchema,
    data: eventDataSchemas[type] as (typeof eventDataSchemas)[T],
  });
}

export const businessEventSchema = z.discriminatedUnion(
  "type",
  eventTypes.map((t) => eventSchemaOf(t)) as unknown as [
    ReturnType<typeof eventSchemaOf<EventType>>,
    ...ReturnType<typeof eventSchemaOf<EventType>>[],
  ],
);

/** The domain writes payloads as intersections (`Linked & {…}`); identity is checked member by member. */
type Flat<T> = { [K in keyof T]: T[K] };
type _Data = Assert<
  SameType<
    { [T in EventType]: z.infer<(typeof eventDataSchemas)[T]> },
    { [T in EventType]: Flat<EventData[T]> }
  >
>;
type _Event = Assert<
  SameType<
    { [T in EventType]: z.infer<ReturnType<typeof eventSchemaOf<T>>> }[EventType],
    { [T in EventType]: Flat<Omit<EventOf<T>, "data"> & { data: Flat<EventData[T]> }> }[EventType]
  >
>;
