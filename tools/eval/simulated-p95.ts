import type { Bundle } from "../core/compile/bundle-types.ts";
import type { OutputValidator } from "../runtime/serve.ts";
import { simulate } from "../simulation/simulate.ts";
import type { Scenario } from "../simulation/scenarios.ts";

/** Requests simulated per SLO check: a day at the feature's scale volume, seeded. */
export function simulatedP95(bundle: Bundle, scenario: Scenario, inputs: readonly Record<string, unknown>[], validateOutput: OutputValidator, seed: number): Map<string, number> {
  const result = simulate({ bundle, scenario, days: 1, perDay: bundle.traffic.requests_per_day_at_scale, seed, inputs, validateOutput, epochMs: 0 });
  const p95 = new Map<string, number>();
  for (const [key, tally] of result.metrics.requests) p95.set(key.split("|")[1]!, tally.latency.percentile(95));
  return p95;
}
