/** Lifecycle statuses (DESIGN.md §4; the deck's terms in docs/DOMAIN.md §2.1). */
export const applicationStatuses = [
  "DRAFT",
  "SUBMITTED",
  "FIX_REQUESTED",
  "RESUBMITTED",
  "DOCS_COMPLETE",
  "INSPECTION_SCHEDULED",
  "UNDER_REVIEW",
  "APPROVED",
  "REJECTED",
  "PAYMENT_CONFIRMED",
  "LICENSE_ISSUED",
  "COLLECTED",
  "RETURNED",
  "WITHDRAWN",
] as const;

export type ApplicationStatus = (typeof applicationStatuses)[number];

/** Statuses in which nothing more will happen: the application leaves the officer queue. */
export const terminalStatuses: ReadonlySet<ApplicationStatus> = new Set([
  "REJECTED",
  "COLLECTED",
  "RETURNED",
  "WITHDRAWN",
]);

/** Statuses an officer of the agency must act on, in the order they appear in the queue filter. */
export const officerQueueStatuses: readonly ApplicationStatus[] = [
  "SUBMITTED",
  "RESUBMITTED",
  "DOCS_COMPLETE",
  "INSPECTION_SCHEDULED",
  "UNDER_REVIEW",
  "APPROVED",
  "PAYMENT_CONFIRMED",
  "LICENSE_ISSUED",
];

/**
 * The human steps a workflow waits at. Each is a waitForTaskToken task in the state machine;
 * an API action ends exactly one of them.
 */
export const humanSteps = [
  "completenessCheck",
  "applicantFix",
  "inspection",
  "committee",
  "decision",
  "assessment",
  "payment",
  "licenseIssue",
  "pickup",
] as const;
export type HumanStep = (typeof humanSteps)[number];
