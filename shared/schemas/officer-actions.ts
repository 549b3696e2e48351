import * as z from "zod/mini";
import type { OfficerAction } from "../domain/application/officer-action-types";
import { documentKeySchema, isoInstantSchema } from "./common";
import { multiLineText, singleLineText } from "./safe-text";
import type { Assert, SameType } from "./same-type";

const comment = multiLineText(1, 2000);
/** A non-negative amount in baht, to the satang. */
const amountTHB = () => z.number().check(z.nonnegative(), z.multipleOf(0.01));

/** The officer's actions on an application: one endpoint, a discriminated union (DESIGN.md §6). */
export const requestFixSchema = z.strictObject({
  action: z.literal("request-fix"),
  items: z
    .array(z.strictObject({ documentKey: documentKeySchema, reason: multiLineText(1, 500) }))
    .check(z.minLength(1), z.maxLength(50)),
  deadline: isoInstantSchema,
  comment: z.optional(comment),
});
export const confirmCompleteSchema = z.strictObject({
  action: z.literal("confirm-complete"),
  comment: z.optional(comment),
});
export const scheduleInspectionSchema = z.strictObject({
  action: z.literal("schedule-inspection"),
  scheduledAt: isoInstantSchema,
  place: singleLineText(1, 500),
  comment: z.optional(comment),
});
export const recordInspectionSchema = z.strictObject({
  action: z.literal("record-inspection"),
  result: z.enum(["passed", "failed"]),
  findings: multiLineText(1, 4000),
});
export const recordDelayReasonSchema = z.strictObject({
  action: z.literal("record-delay-reason"),
  reason: multiLineText(1, 1000),
});
export const recordCommitteeResolutionSchema = z.strictObject({
  action: z.literal("record-committee-resolution"),
  resolution: z.enum(["recommendApproval", "recommendRejection"]),
  minutes: multiLineText(1, 4000),
});
export const approveSchema = z.strictObject({
  action: z.literal("approve"),
  feeTHB: amountTHB(),
  comment: z.optional(comment),
});
export const rejectSchema = z.strictObject({
  action: z.literal("reject"),
  reasons: z.array(multiLineText(1, 1000)).check(z.minLength(1), z.maxLength(20)),
});
export const issueAssessmentSchema = z.strictObject({
  action: z.literal("issue-assessment"),
  assessmentNumber: singleLineText(1, 64),
  amountTHB: amountTHB(),
  /** The parcel tracking number when the assessment is posted (001: logged as a comment). */
  trackingNumber: z.optional(singleLineText(1, 64)),
});
export const confirmPaymentSchema = z.discriminatedUnion("channel", [
  z.strictObject({
    action: z.literal("confirm-payment"),
    channel: z.literal("counter"),
    receiptNumber: singleLineText(1, 64),
    amountTHB: amountTHB(),
  }),
  z.strictObject({
    action: z.literal("confirm-payment"),
    channel: z.literal("billPayment"),
    receiptNumber: singleLineText(1, 64),
    amountTHB: amountTHB(),
    /** The bank's bill-payment reference the officer checked the payment against. */
    reference: singleLineText(1, 64),
  }),
]);
export const issueLicenseSchema = z.strictObject({
  action: z.literal("issue-license"),
  comment: z.optional(comment),
});
export const confirmPickupSchema = z.strictObject({
  action: z.literal("confirm-pickup"),
  collectedBy: singleLineText(1, 200),
});

export const officerActionSchema = z.discriminatedUnion("action", [
  requestFixSchema,
  confirmCompleteSchema,
  scheduleInspectionSchema,
  recordInspectionSchema,
  recordDelayReasonSchema,
  recordCommitteeResolutionSchema,
  approveSchema,
  rejectSchema,
  issueAssessmentSchema,
  confirmPaymentSchema,
  issueLicenseSchema,
  confirmPickupSchema,
]);

/** What the schema accepts is exactly the domain's OfficerAction: this stops compiling if they drift. */
export type OfficerActionSchemaIsDomainType = Assert<
  SameType<z.infer<typeof officerActionSchema>, OfficerAction>
>;

export type { OfficerAction, OfficerActionName } from "../domain/application/officer-action-types";
