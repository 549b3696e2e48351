import type { Clock } from "../../ports/clock";
import type { EventPublisher } from "../../ports/event-publisher";
import type { LicenseRegister } from "../../ports/license-register";
import type { Notifier } from "../../ports/notifier";
import { reminderHorizon, renewalReminder } from "../renewal-reminders";
import { sendNotice } from "./notices";

/** The daily job: remind every holder whose license expires within the lead time, once. */
export async function sendRenewalReminders(deps: {
  licenses: Pick<LicenseRegister, "expiringBefore" | "markReminded">;
  publisher: EventPublisher;
  notifier: Notifier;
  clock: Clock;
}): Promise<{ reminded: { licenseNumber: string; applicationId: string }[] }> {
  const now = deps.clock.now();
  const reminded: { licenseNumber: string; applicationId: string }[] = [];
  for (const license of await deps.licenses.expiringBefore(reminderHorizon(now), 500)) {
    if (license.validUntil && Date.parse(license.validUntil) < now.getTime()) continue; // expired: too late
    // Mark first: a crash between the two sends no reminder rather than two (the holder still sees the date).
    if (!(await deps.licenses.markReminded(license))) continue;
    await sendNotice(deps, "approvals", renewalReminder(license, now));
    reminded.push({ licenseNumber: license.number, applicationId: license.applicationId });
  }
  return { reminded };
}
