/**
 * How much of the traffic X-Ray records (issue 14 item 10): the first trace each second, then 5 % of
 * the rest. Tracing every request was about 14 % of the cost of an application (bench/cost.ts); at
 * this rate it is under 1 %, and the reservoir (a cost per second of traffic, not per application)
 * still shows a trace a second of whatever is running. The bench's cost model reads these numbers.
 */
export const tracingSampling = {
  reservoirPerSecond: 1,
  fixedRate: 0.05,
} as const;
