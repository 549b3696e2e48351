import { join } from "node:path";
import { type ScheduledFunctionName, scheduledFunctions } from "../../functions/events/registry";
import type { LocalClock } from "./local-clock";

/**
 * EventBridge's stand-in for the daily jobs: each runs the deployed handler at its Bangkok time on
 * the local clock (so a jump of 30 days runs it 30 times, each at its own morning), and reports
 * what it did into the jump's list of what fired.
 */
export class LocalJobs {
  private readonly running = new Set<Promise<unknown>>();
  private readonly cancels: (() => void)[] = [];

  constructor(
    private readonly projectRoot: string,
    private readonly clock: LocalClock,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  start(): void {
    for (const name of Object.keys(scheduledFunctions) as ScheduledFunctionName[]) this.arm(name);
  }

  /** Resolves when no job is running. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  stop(): void {
    for (const cancel of this.cancels.splice(0)) cancel();
  }

  private arm(name: ScheduledFunctionName): void {
    const { hour, minute } = scheduledFunctions[name].dailyAtBangkok;
    const at = nextBangkokTime(this.clock.now(), hour, minute);
    this.cancels.push(
      this.clock.schedule(at, () => {
        const run = this.run(name)
          .catch((error: unknown) => this.log(`Job ${name} failed`, error))
          .finally(() => this.running.delete(run));
        this.running.add(run);
        this.arm(name);
      }),
    );
  }

  private async run(name: ScheduledFunctionName): Promise<void> {
    const { handler } = (await import(join(this.projectRoot, scheduledFunctions[name].entry))) as {
      handler: (
        event: unknown,
        context: unknown,
      ) => Promise<{ reminded?: { applicationId: string; licenseNumber: string }[] }>;
    };
    const at = this.clock.now().toISOString();
    const result = await handler(
      { source: "local.schedule", "detail-type": "Scheduled Event" },
      { awsRequestId: `local-${name}` },
    );
    for (const r of result.reminded ?? [])
      this.clock.report({ at, applicationId: r.applicationId, step: r.licenseNumber, kind: "reminder" });
  }
}

/** The next instant strictly after `now` at hh:mm on the Bangkok wall clock (UTC+7, no DST). */
export function nextBangkokTime(now: Date, hour: number, minute: number): Date {
  const offset = 7 * 3_600_000;
  const local = new Date(now.getTime() + offset);
  const candidate =
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hour, minute) - offset;
  return new Date(candidate > now.getTime() ? candidate : candidate + 86_400_000);
}
