import { result, type AssertionHandler } from "./assertion.ts";

/** The simulated latency of this call is within the feature's p95 SLO. */
export const latencyWithinSlo: AssertionHandler = ({ latencyMs, sloP95Ms }) =>
  result(latencyMs <= sloP95Ms, `expected at most ${sloP95Ms} ms (the SLO p95), got ${Math.round(latencyMs)} ms`);
