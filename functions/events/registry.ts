/** Scheduled functions: CDK gives each an EventBridge schedule; the local stack runs it on its clock. */
export const scheduledFunctions = {
  renewalReminders: {
    entry: "functions/events/renewal-reminders.ts",
    /** 08:30 Asia/Bangkok = 01:30 UTC, every day. */
    scheduleUtc: { minute: "30", hour: "1" },
    dailyAtBangkok: { hour: 8, minute: 30 },
  },
} as const;

export type ScheduledFunctionName = keyof typeof scheduledFunctions;
