import * as z from "zod";
import { documentKeySchema, isoInstantSchema } from "./common";

const comment = z.string().trim().min(1).max(2000);

/** The officer's actions on an application: one endpoint, a discriminated union (DESIGN.md §6). */
export const requestFixSchema = z.object({
  action: z.literal("request-fix"),
  items: z
    .array(z.object({ documentKey: documentKeySchema, reason: z.string().trim().min(1).max(500) }))
    .min(1)
    .max(50),
  deadline: isoInstantSchema,
  comment: comment.optional(),
});
export const confirmCompleteSchema = z.object({
  action: z.literal("confirm-complete"),
  comment: comment.optional(),
});
export const scheduleInspectionSchema = z.object({
  action: z.literal("schedule-inspection"),
  scheduledAt: isoInstantSchema,
  place: z.string().trim().min(1).max(500),
  comment: comment.optional(),
});
export const recordInspectionSchema = z.object({
  action: z.literal("record-inspection"),
  result: z.enum(["passed", "failed"]),
  findings: z.string().trim().min(1).max(4000),
});
export const recordDelayReasonSchema = z.object({
  action: z.literal("record-delay-reason"),
  reason: z.string().trim().min(1).max(1000),
});
export const recordCommitteeResolutionSchema = z.object({
  action: z.literal("record-committee-resolution"),
  resolution: z.enum(["recommendApproval", "recommendRejection"]),
  minutes: z.string().trim().min(1).max(4000),
});
export const approveSchema = z.object({
  action: z.literal("approve"),
  feeTHB: z.number().nonnegative().multipleOf(0.01),
  comment: comment.optional(),
});
export const rejectSchema = z.object({
  action: z.literal("reject"),
  reasons: z.array(z.string().trim().min(1).max(1000)).min(1).max(20),
});
export const issueAssessmentSchema = z.object({
  action: z.literal("issue-assessment"),
  assessmentNumber: z.string().trim().min(1).max(64),
  amountTHB: z.number().nonnegative().multipleOf(0.01),
  /** The parcel tracking number when the assessment is posted (001: logged as a comment). */
  trackingNumber: z.string().trim().min(1).max(64).optional(),
});
export const confirmPaymentSchema = z.discriminatedUnion("channel", [
  z.object({
    action: z.literal("confirm-payment"),
    channel: z.literal("counter"),
    receiptNumber: z.string().trim().min(1).max(64),
    amountTHB: z.number().nonnegative().multipleOf(0.01),
  }),
  z.object({
    action: z.literal("confirm-payment"),
    channel: z.literal("billPayment"),
    receiptNumber: z.string().trim().min(1).max(64),
    amountTHB: z.number().nonnegative().multipleOf(0.01),
    /** The bank's bill-payment reference the officer checked the payment against. */
    reference: z.string().trim().min(1).max(64),
  }),
]);
export const issueLicenseSchema = z.object({
  action: z.literal("issue-license"),
  comment: comment.optional(),
});
export const confirmPickupSchema = z.object({
  action: z.literal("confirm-pickup"),
  collectedBy: z.string().trim().min(1).max(200),
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
