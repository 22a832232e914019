import { result, type AssertionHandler } from "./assertion.ts";

export const maxInputTokens: AssertionHandler = ({ def, inputTokens }) =>
  result(inputTokens <= def.tokens!, `expected at most ${def.tokens} input tokens, got ${inputTokens}`);

export const maxOutputTokens: AssertionHandler = ({ def, outputTokens }) =>
  result(outputTokens <= def.tokens!, `expected at most ${def.tokens} output tokens, got ${outputTokens}`);

export const maxCost: AssertionHandler = ({ def, costUsd }) =>
  result(costUsd <= def.usd!, `expected at most $${def.usd} a request, got $${costUsd.toFixed(5)}`);

/** The simulated latency of this case is within the feature's p95 SLO. */
export const latencyWithinSlo: AssertionHandler = ({ latencyMs, sloP95Ms }) =>
  result(latencyMs <= sloP95Ms, `expected at most ${sloP95Ms} ms (the SLO p95), got ${Math.round(latencyMs)} ms`);
