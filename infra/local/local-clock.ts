import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Clock } from "../../shared/ports/clock";

/** What a timer is for, so a time jump can report what fired. */
export interface TimerLabel {
  applicationId?: string;
  step?: string;
  kind?: string;
}

export interface FiredTimer extends TimerLabel {
  at: string;
}

/**
 * The local stack's clock: real time plus an offset that only moves forward, so a person or a
 * test can jump ahead to see week-long legal timers fire. Timers scheduled on it fire in due order.
 * It may start in the past (a negative offset): a training session or a past case replayed.
 */
export class LocalClock implements Clock {
  private offsetMs = 0;

  /**
   * With a file, the offset survives restarts: the data folder's time never goes back. `startAt` sets
   * the clock there instead of reading the file; the stack allows that only on an empty data folder.
   */
  constructor(
    private readonly offsetFile?: string,
    startAt?: Date,
  ) {
    if (startAt) {
      this.offsetMs = startAt.getTime() - Date.now();
      this.save();
    } else if (offsetFile && existsSync(offsetFile))
      this.offsetMs =
        Number((JSON.parse(readFileSync(offsetFile, "utf8")) as { offsetMs: number }).offsetMs) || 0;
  }

  /**
   * An in-memory clock that its creator alone can set back, for the test stack's reset to a
   * scenario's start (`LocalStack.reset`). Rewinding is not a method: nothing else holding the clock
   * (the operator API, the handlers, a test) can make time go back, and a clock kept in a data folder
   * has no rewind at all.
   */
  static rewindable(startAt?: Date): { clock: LocalClock; rewind: (to?: Date) => void } {
    const clock = new LocalClock(undefined, startAt);
    return { clock, rewind: (to) => clock.#rewind(to) };
  }

  /** Back to a new clock's state: at `to` (real time without it), no timers, no jump under way. */
  #rewind(to: Date | undefined): void {
    this.dispose();
    this.offsetMs = to ? to.getTime() - Date.now() : 0;
    this.jumping = Promise.resolve();
    this.reported = undefined;
  }

  private save(): void {
    if (!this.offsetFile) return;
    mkdirSync(dirname(this.offsetFile), { recursive: true });
    writeFileSync(this.offsetFile, JSON.stringify({ offsetMs: this.offsetMs }));
  }
  /** Timers without a label (e.g. the daily jobs' alarms) are not reported; what they do is (`report`). */
  private readonly timers: { id: number; dueAt: number; fire: () => void; label: TimerLabel | undefined }[] =
    [];
  private reported: FiredTimer[] | undefined;
  private nextId = 1;
  private wakeUp: NodeJS.Timeout | undefined;

  now(): Date {
    return new Date(this.firing ?? Date.now() + this.offsetMs);
  }

  /** While `advanceTo` fires a timer, the instant the clock stands at: real time would add a tick. */
  private firing: number | undefined;

  /** Runs `fire` once the clock reaches `dueAt`; returns a cancel function. */
  schedule(dueAt: Date, fire: () => void, label?: TimerLabel): () => void {
    const id = this.nextId++;
    this.timers.push({ id, dueAt: dueAt.getTime(), fire, label });
    this.timers.sort((a, b) => a.dueAt - b.dueAt || a.id - b.id);
    this.arm();
    return () => {
      const i = this.timers.findIndex((t) => t.id === id);
      if (i >= 0) this.timers.splice(i, 1);
      this.arm();
    };
  }

  /**
   * Moves the clock forward to `instant`, stopping at each timer on the way: the clock shows the
   * timer's due time when it fires, and `settle` lets what it started finish (a notice, the next wait,
   * which may schedule the next timer) before time moves on. Returns what fired, in due order.
   */
  advanceTo(instant: Date, settle: () => Promise<void> = async () => {}): Promise<FiredTimer[]> {
    // One jump at a time: a second request waits for the first to finish, then starts from there.
    const run = this.jumping.then(() => this.jump(instant, settle));
    this.jumping = run.catch(() => undefined);
    return run;
  }

  private jumping: Promise<unknown> = Promise.resolve();

  private async jump(instant: Date, settle: () => Promise<void>): Promise<FiredTimer[]> {
    if (instant.getTime() < this.now().getTime()) throw new RangeError("The local clock only moves forward");
    const fired: FiredTimer[] = [];
    this.reported = fired;
    try {
      return await this.walk(instant, settle, fired);
    } finally {
      this.reported = undefined;
    }
  }

  /** Adds what a job did to the report of the jump under way (nothing outside a jump). */
  report(entry: FiredTimer): void {
    this.reported?.push(entry);
  }

  private async walk(instant: Date, settle: () => Promise<void>, fired: FiredTimer[]): Promise<FiredTimer[]> {
    await settle();
    for (;;) {
      const next = this.timers[0];
      if (!next || next.dueAt > instant.getTime()) break;
      const at = this.moveTo(next.dueAt);
      const due = this.timers.filter((t) => t.dueAt === next.dueAt);
      this.timers.splice(0, due.length);
      this.firing = at;
      try {
        for (const timer of due) {
          if (timer.label) fired.push({ at: new Date(timer.dueAt).toISOString(), ...timer.label });
          timer.fire();
        }
      } finally {
        this.firing = undefined;
      }
      await settle();
    }
    this.moveTo(instant.getTime());
    this.arm();
    return fired;
  }

  /** Timers already due (fired by the next tick): the stack is not settled while there are some. */
  dueTimers(): number {
    const now = this.now().getTime();
    return this.timers.filter((t) => t.dueAt <= now).length;
  }

  /** Moves forward to `epochMs` unless the clock is past it already; returns where it stands. */
  private moveTo(epochMs: number): number {
    const now = this.now().getTime();
    if (epochMs <= now) return now;
    this.offsetMs += epochMs - now;
    this.save();
    return epochMs;
  }

  pendingTimers(): number {
    return this.timers.length;
  }

  dispose(): void {
    if (this.wakeUp) clearTimeout(this.wakeUp);
    this.timers.length = 0;
  }

  private fireDue(): void {
    const now = this.now().getTime();
    while (this.timers[0] && this.timers[0].dueAt <= now) this.timers.shift()!.fire();
    this.arm();
  }

  /** One real timer for the earliest due time; capped so delays beyond 24.8 days do not overflow. */
  private arm(): void {
    if (this.wakeUp) clearTimeout(this.wakeUp);
    this.wakeUp = undefined;
    const next = this.timers[0];
    if (!next) return;
    const delay = Math.min(Math.max(0, next.dueAt - this.now().getTime()), 2_147_483_647);
    this.wakeUp = setTimeout(() => this.fireDue(), delay);
    this.wakeUp.unref();
  }
}
