import type { Clock } from "../ports/clock";

/** The real time, as AWS runs it; locally and in tests a movable clock takes its place. */
export const systemClock: Clock = { now: () => new Date() };
