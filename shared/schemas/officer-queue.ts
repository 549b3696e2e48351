import * as z from "zod/mini";
import { applicationStatuses } from "../domain/application/status";
import "./zod-locale";

/** `GET /officer/applications`: the officer's queue, a page at a time. */
export const officerQueueQuerySchema = z.strictObject({
  status: z.optional(
    z
      .enum(applicationStatuses)
      .check(z.describe("Only this status (default: every status awaiting an officer)")),
  ),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
  cursor: z.optional(
    z
      .string()
      .check(
        z.maxLength(1024),
        z.describe(
          "The previous page's nextCursor, opaque; with another status filter, or altered, it is refused (400 INVALID_CURSOR)",
        ),
      ),
  ),
});

/**
 * A queue row: what an officer needs to pick the next application (`QueueRow` in the domain);
 * `GET /applications/{id}` gives the whole application.
 */
export const queueRowSchema = z.object({
  id: z.string(),
  licenseTypeId: z.string(),
  caseType: z.enum(["new", "renew", "amend", "cancel"]),
  status: z.enum(applicationStatuses),
  businessName: z
    .nullable(z.string())
    .check(z.describe("The establishment's name from the form, if it has one")),
  licenseNumber: z
    .nullable(z.string())
    .check(z.describe("The license a renewal, amendment or cancellation is about")),
  submittedAt: z.nullable(z.string()),
  dueAt: z
    .nullable(z.string())
    .check(z.describe("Due time of what the application waits for; the queue's order (null last)")),
  decisionDueAt: z.nullable(z.string()).check(z.describe("s.10: when the decision is due")),
  overdueSince: z.nullable(z.string()).check(z.describe("s.10: overdue since")),
});

export const officerQueuePageSchema = z.object({
  items: z.array(queueRowSchema).check(z.describe("Earliest due first; ties by id")),
  nextCursor: z
    .nullable(z.string())
    .check(z.describe("Pass as `cursor` for the next page; null on the last page")),
});
