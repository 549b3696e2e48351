import type { Clock } from "../../shared/ports/clock";

/**
 * The local stack's clock: real time plus an offset that only moves forward, so a person or a
 * test can jump ahead to see week-long legal timers fire. Timers scheduled on it fire in due order.
 */
export class LocalClock implements Clock {
  private offsetMs = 0;
  private readonly timers: { id: number; dueAt: number; fire: () => void }[] = [];
  private nextId = 1;
  private wakeUp: NodeJS.Timeout | undefined;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Runs `fire` once the clock reaches `dueAt`; returns a cancel function. */
  schedule(dueAt: Date, fire: () => void): () => void {
    const id = this.nextId++;
    this.timers.push({ id, dueAt: dueAt.getTime(), fire });
    this.timers.sort((a, b) => a.dueAt - b.dueAt || a.id - b.id);
    this.arm();
    return () => {
      const i = this.timers.findIndex((t) => t.id === id);
      if (i >= 0) this.timers.splice(i, 1);
      this.arm();
    };
  }

  /** Moves the clock forward and fires every timer now due, earliest first. */
  advanceTo(instant: Date): void {
    const delta = instant.getTime() - this.now().getTime();
    if (delta < 0) throw new RangeError("The local clock only moves forward");
    this.offsetMs += delta;
    this.fireDue();
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
