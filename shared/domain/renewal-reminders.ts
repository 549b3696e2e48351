import type { LicenseRecord } from "./license";
import type { Notification } from "./notification";
import { isoDate, thaiDate } from "./texts/reader-format";

/**
 * A license must be renewed before it expires, or the business applies again as new (004, renewal of
 * the food-premises license). The manual leaves the lead time blank («ภายในระบุนวัน»), so we remind
 * the holder 30 days ahead, once per validity: a renewal that extends it re-arms the reminder.
 */
export const renewalReminderLeadDays = 30;

export function reminderHorizon(now: Date): Date {
  return new Date(now.getTime() + renewalReminderLeadDays * 86_400_000);
}

export function renewalReminder(license: LicenseRecord, now: Date): Notification {
  return {
    id: `${license.number}:renewal-reminder:${license.validUntil}`,
    kind: "renewalReminder",
    applicationId: license.applicationId,
    licenseTypeId: license.licenseTypeId,
    agencyId: license.agencyId,
    applicantId: license.holderId,
    status: "LICENSE_ISSUED",
    at: now.toISOString(),
    messageTh: `ใบอนุญาตเลขที่ ${license.number} จะสิ้นอายุวันที่ ${thaiDate(license.validUntil!)} กรุณายื่นคำขอต่ออายุก่อนวันสิ้นอายุ มิฉะนั้นต้องยื่นขออนุญาตใหม่`,
    messageEn: `License ${license.number} expires on ${isoDate(license.validUntil!)}. Apply for its renewal before then, or apply again as new`,
    data: { licenseNumber: license.number, validUntil: license.validUntil },
  };
}
