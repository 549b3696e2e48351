import middy from "@middy/core";
import { licenseRegister } from "../../shared/adapters/providers/application-store";
import { clock } from "../../shared/adapters/providers/clock";
import { eventPublisher } from "../../shared/adapters/providers/event-publisher";
import { notifier } from "../../shared/adapters/providers/notifier";
import { sendRenewalReminders } from "../../shared/domain/services/renewal-reminders";

/** Runs every morning at 08:30 Bangkok (EventBridge schedule): renewal reminders 30 days ahead. */
export const handler = middy().handler(() =>
  sendRenewalReminders({
    licenses: licenseRegister(),
    publisher: eventPublisher(),
    notifier: notifier(),
    clock: clock(),
  }),
);
