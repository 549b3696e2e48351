import { describe, expect, it } from "vitest";
import { nextBangkokTime } from "../../../infra/local/local-jobs";
import { reminderHorizon, renewalReminder } from "../../../shared/domain/renewal-reminders";
import { sendRenewalReminders } from "../../../shared/domain/services/renewal-reminders";
import type { EventPublisher, Notification } from "../../../shared/ports/event-publisher";
import type { LicenseRecord, LicenseRegister } from "../../../shared/ports/license-register";

const now = new Date("2027-03-01T01:30:00.000Z"); // 08:30 Bangkok
const license = (number: string, validUntil: string, extra: Partial<LicenseRecord> = {}): LicenseRecord => ({
  number,
  applicationId: `app-${number}`,
  licenseTypeId: "food-premises-over-200sqm-klong-dan",
  agencyId: "sao-khlong-dan",
  holderId: "holder-1",
  businessName: "ครัวคลองด่าน",
  issuedAt: "2026-04-01T03:00:00.000Z",
  validUntil,
  ...extra,
});

class FakeRegister implements Pick<LicenseRegister, "expiringBefore" | "markReminded"> {
  marked: string[] = [];
  constructor(
    private readonly items: LicenseRecord[],
    private readonly changed = new Set<string>(),
  ) {}
  async expiringBefore(instant: Date): Promise<LicenseRecord[]> {
    return this.items.filter(
      (l) => l.validUntil && l.validUntil < instant.toISOString() && l.renewalReminderFor !== l.validUntil,
    );
  }
  async markReminded(l: LicenseRecord): Promise<boolean> {
    if (this.changed.has(l.number)) return false;
    this.marked.push(l.number);
    l.renewalReminderFor = l.validUntil ?? undefined;
    return true;
  }
}

class Log implements EventPublisher {
  sent: Notification[] = [];
  async publish(_topic: string, n: Notification) {
    this.sent.push(n);
  }
}

describe("renewal reminders", () => {
  it("look 30 days ahead", () => {
    expect(reminderHorizon(now).toISOString()).toBe("2027-03-31T01:30:00.000Z");
  });

  it("remind each holder once, skip expired and concurrently changed licenses", async () => {
    const register = new FakeRegister(
      [
        license("KD-1", "2027-03-20T09:30:00.000Z"),
        license("KD-2", "2027-02-20T09:30:00.000Z"), // already expired: too late to renew
        license("KD-3", "2027-03-25T09:30:00.000Z"), // changed meanwhile
        license("KD-4", "2027-06-01T09:30:00.000Z"), // not yet
      ],
      new Set(["KD-3"]),
    );
    const log = new Log();
    const deps = {
      licenses: register,
      publisher: log,
      notifier: { deliver: async () => {} },
      clock: { now: () => now },
    };
    expect(await sendRenewalReminders(deps)).toEqual({
      reminded: [{ licenseNumber: "KD-1", applicationId: "app-KD-1" }],
    });
    expect(log.sent.map((n) => [n.kind, n.data?.licenseNumber])).toEqual([["renewalReminder", "KD-1"]]);
    expect(await sendRenewalReminders(deps)).toEqual({ reminded: [] });
  });

  it("tell the holder the date and that a late renewal is a new application", () => {
    const n = renewalReminder(license("KD-9", "2027-03-20T09:30:00.000Z"), now);
    expect(n.applicantId).toBe("holder-1");
    expect(n.messageTh).toContain("ยื่นขออนุญาตใหม่");
    // Thai: the Bangkok day with its B.E. year; English: the ISO date.
    expect(n.messageTh).toContain("จะสิ้นอายุวันที่ 20 มี.ค. 2570");
    expect(n.messageEn).toContain("expires on 2027-03-20.");
  });
});

describe("the local daily schedule", () => {
  it("runs next at 08:30 Bangkok, tomorrow once today's has passed", () => {
    expect(nextBangkokTime(new Date("2027-03-01T00:00:00Z"), 8, 30).toISOString()).toBe(
      "2027-03-01T01:30:00.000Z",
    );
    expect(nextBangkokTime(new Date("2027-03-01T01:30:00Z"), 8, 30).toISOString()).toBe(
      "2027-03-02T01:30:00.000Z",
    );
    expect(nextBangkokTime(new Date("2027-03-01T20:00:00Z"), 8, 30).toISOString()).toBe(
      "2027-03-02T01:30:00.000Z",
    );
  });
});
