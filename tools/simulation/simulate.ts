import type { Bundle } from "../core/compile/bundle-types.ts";
import { createMockProvider } from "../providers/mock-provider.ts";
import { deriveSeed, seededRandom } from "../runtime/random.ts";
import { Runtime, type OutputValidator } from "../runtime/serve.ts";
import { MetricsAggregator } from "../runtime/metrics/aggregate.ts";
import { SafeSink, type TelemetrySink } from "../runtime/telemetry/events.ts";
import { diurnalArrivals } from "./arrivals.ts";
import type { Scenario } from "./scenarios.ts";

export interface SimulationOptions {
  bundle: Bundle;
  scenario: Scenario;
  days: number;
  perDay: number;
  seed: number;
  /** Request inputs to draw from (eval cases of the feature's prompts). */
  inputs: readonly Readonly<Record<string, unknown>>[];
  validateOutput: OutputValidator;
  /** Start of the simulated month, Unix ms (event timestamps are start + virtual time). */
  epochMs: number;
  /** Extra sink for the raw events (a JSONL file). */
  telemetry?: TelemetrySink;
  /** Count OpenAI tokens exactly (default true). */
  exactTokens?: boolean;
}

export interface SimulationResult {
  metrics: MetricsAggregator;
  requests: number;
  /** Requests that ended in neither a response nor an error event: must be zero. */
  lost: number;
  droppedEvents: number;
}

/**
 * A month of traffic through the real runtime on a virtual clock: arrivals follow a daily cycle,
 * users are drawn from a fixed population, each request runs the full path (assignment,
 * rendering, token counting, failover, breakers, telemetry) against seeded mock providers.
 * Requests are served in arrival order; at 10,000 a day they are ~9 s apart on average, far
 * longer than one request lasts, so serving them one after another matches real concurrency.
 */
export function simulate(options: SimulationOptions): SimulationResult {
  const { bundle, seed } = options;
  const metrics = new MetricsAggregator();
  let requestEvents = 0;
  const counter: TelemetrySink = { emit: (e) => void (e["event.name"] === "llm.request" && requestEvents++) };
  const sink = new SafeSink(options.telemetry ? [metrics, counter, options.telemetry] : [metrics, counter]);
  const runtime = new Runtime({
    bundle,
    provider: createMockProvider({ seed: deriveSeed(seed, options.scenario.id), faults: options.scenario.faults }),
    sink,
    validateOutput: options.validateOutput,
    random: seededRandom(deriveSeed(seed, "jitter")),
    exactTokens: options.exactTokens ?? true,
    memoize: true,
  });
  const random = seededRandom(deriveSeed(seed, "traffic"));
  const arrivals = diurnalArrivals(options.days, options.perDay, random);
  const users = Math.max(100, options.perDay * 5);
  if (options.inputs.length === 0) throw new Error(`no request inputs to simulate ${bundle.id} with: add eval cases for its prompts`);
  for (let i = 0; i < arrivals.length; i++) {
    runtime.serve({
      requestId: `sim-${i + 1}`,
      attributes: { user_id: `user-${Math.floor(random() * users)}` },
      inputs: options.inputs[Math.floor(random() * options.inputs.length)]!,
      startMs: options.epochMs + arrivals[i]!,
    });
  }
  return { metrics, requests: arrivals.length, lost: arrivals.length - requestEvents, droppedEvents: sink.dropped };
}
