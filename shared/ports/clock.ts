/** The one source of "now": the system clock in AWS, a movable clock locally and in tests. */
export interface Clock {
  now(): Date;
}
