import type { Actor } from "../actor";
import { problems } from "../errors";
import { change } from "./lifecycle";
import type { ApplicationStatus } from "./status";
import type { Application, ApplicationChange } from "./types";

/** Before the decision the applicant may withdraw; afterwards there is nothing left to withdraw. */
export const withdrawableStatuses: readonly ApplicationStatus[] = [
  "DRAFT",
  "SUBMITTED",
  "FIX_REQUESTED",
  "RESUBMITTED",
  "DOCS_COMPLETE",
  "INSPECTION_SCHEDULED",
  "UNDER_REVIEW",
];

export function withdraw(app: Application, actor: Actor, now: Date, reason?: string): ApplicationChange {
  if (!withdrawableStatuses.includes(app.status)) throw problems.invalidTransition("withdraw", app.status);
  const at = now.toISOString();
  return change(
    app,
    {
      status: "WITHDRAWN",
      withdrawal: reason ? { reason, withdrawnAt: at } : { withdrawnAt: at },
      dueAt: undefined,
      ...(app.clockStartedAt ? { clockStoppedAt: at } : {}),
    },
    actor,
    "applicant",
    "withdraw",
    now,
    { comment: reason },
  );
}
