import * as z from "zod/mini";
import { documentKeySchema, isoInstantSchema, trimmedString } from "./common";

const comment = trimmedString(1, 2000);
/** A non-negative amount in baht, to the satang. */
const amountTHB = () => z.number().check(z.nonnegative(), z.multipleOf(0.01));

/** The officer's actions on an application: one endpoint, a discriminated union (DESIGN.md §6). */
export const requestFixSchema = z.object({
  action: z.literal("request-fix"),
  items: z
    .array(z.object({ documentKey: documentKeySchema, reason: trimmedString(1, 500) }))
    .check(z.minLength(1), z.maxLength(50)),
  deadline: isoInstantSchema,
  comment: z.optional(comment),
});
export const confirmCompleteSchema = z.object({
  action: z.literal("confirm-complete"),
  comment: z.optional(comment),
});
export const scheduleInspectionSchema = z.object({
  action: z.literal("schedule-inspection"),
  scheduledAt: isoInstantSchema,
  place: trimmedString(1, 500),
  comment: z.optional(comment),
});
export const recordInspectionSchema = z.object({
  action: z.literal("record-inspection"),
  result: z.enum(["passed", "failed"]),
  findings: trimmedString(1, 4000),
});
export const recordDelayReasonSchema = z.object({
  action: z.literal("record-delay-reason"),
  reason: trimmedString(1, 1000),
});
export const recordCommitteeResolutionSchema = z.object({
  action: z.literal("record-committee-resolution"),
  resolution: z.enum(["recommendApproval", "recommendRejection"]),
  minutes: trimmedString(1, 4000),
});
export const approveSchema = z.object({
  action: z.literal("approve"),
  feeTHB: amountTHB(),
  comment: z.optional(comment),
});
export const rejectSchema = z.object({
  action: z.literal("reject"),
  reasons: z.array(trimmedString(1, 1000)).check(z.minLength(1), z.maxLength(20)),
});
export const issueAssessmentSchema = z.object({
  action: z.literal("issue-assessment"),
  assessmentNumber: trimmedString(1, 64),
  amountTHB: amountTHB(),
  /** The parcel tracking number when the assessment is posted (001: logged as a comment). */
  trackingNumber: z.optional(trimmedString(1, 64)),
});
export const confirmPaymentSchema = z.discriminatedUnion("channel", [
  z.object({
    action: z.literal("confirm-payment"),
    channel: z.literal("counter"),
    receiptNumber: trimmedString(1, 64),
    amountTHB: amountTHB(),
  }),
  z.object({
    action: z.literal("confirm-payment"),
    channel: z.literal("billPayment"),
    receiptNumber: trimmedString(1, 64),
    amountTHB: amountTHB(),
    /** The bank's bill-payment reference the officer checked the payment against. */
    reference: trimmedString(1, 64),
  }),
]);
export const issueLicenseSchema = z.object({
  action: z.literal("issue-license"),
  comment: z.optional(comment),
});
export const confirmPickupSchema = z.object({
  action: z.literal("confirm-pickup"),
  collectedBy: trimmedString(1, 200),
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

export type OfficerAction = z.infer<typeof officerActionSchema>;
export type OfficerActionName = OfficerAction["action"];
