import { deriveSeed, lognormal, seededRandom } from "../runtime/random.ts";
import { applies, type Fault, type FaultError } from "./faults.ts";
import type { AttemptRequest, AttemptResponse, Provider } from "./provider.ts";
import { syntheticValue, vocabularyOf } from "./synthetic-output.ts";

export interface MockOptions {
  seed: number;
  faults?: readonly Fault[];
  /** Spread of output length around the expected tokens (log-normal p95/p50 ratio). */
  outputSpread?: number;
}

/** The time a provider takes to fail fast (a 429 or 5xx comes back before any generation). */
const FAST_ERROR_MS = { p50: 120, p95: 400 };

/**
 * A seeded provider: latency from each model's profile (time to first token plus output
 * tokens times time per token, both log-normal), errors by rate and kind, scheduled outages,
 * and outputs that satisfy the prompt's contract unless a fault says otherwise. Never sleeps:
 * it returns how long the call would have taken.
 */
export function createMockProvider(options: MockOptions): Provider {
  const random = seededRandom(deriveSeed(options.seed, "mock-provider"));
  const faults = options.faults ?? [];
  const spread = options.outputSpread ?? 1.35;
  let counter = 0;
  const pools: Pools = new WeakMap();
  return {
    call(req: AttemptRequest): AttemptResponse {
      counter++;
      let multiplier = 1;
      let error: { error: FaultError; retryAfterMs?: number } | undefined;
      for (const fault of faults) {
        if (!applies(fault, req.provider, req.modelId, req.atMs)) continue;
        if (fault.kind === "latency") multiplier *= fault.multiplier;
        // An outage wins over background error rates; the first rate that fires wins among rates.
        else if (fault.kind === "outage") error = { error: fault.error };
        else if (!error && random() < fault.rate) error = { error: fault.error, retryAfterMs: fault.retry_after_ms };
      }
      const responseId = `mock-${counter}`;
      const responseModel = req.model.api_model;
      if (error && error.error !== "malformed_json" && error.error !== "refusal" && error.error !== "invalid_output") {
        const timeout = error.error === "timeout";
        return {
          durationMs: timeout ? Number.POSITIVE_INFINITY : lognormal(random, FAST_ERROR_MS.p50, FAST_ERROR_MS.p95),
          timeToFirstTokenMs: null,
          errorType: error.error,
          retryAfterMs: error.retryAfterMs,
          text: null,
          usage: null,
          finishReason: null,
          responseId,
          responseModel,
        };
      }
      const latency = req.model.latency;
      const outputTokens = Math.max(1, Math.min(req.prompt.parameters.max_output_tokens, Math.round(lognormal(random, req.expectedOutputTokens, req.expectedOutputTokens * spread))));
      const ttft = lognormal(random, latency.time_to_first_token_ms.p50, latency.time_to_first_token_ms.p95) * multiplier;
      const perToken = lognormal(random, latency.time_per_output_token_ms.p50, latency.time_per_output_token_ms.p95) * multiplier;
      return {
        durationMs: ttft + outputTokens * perToken,
        timeToFirstTokenMs: ttft,
        errorType: null,
        retryAfterMs: undefined,
        text: outputText(pools, req, random, error?.error),
        usage: { input_tokens: req.inputTokens, output_tokens: outputTokens, cache_read_input_tokens: 0 },
        finishReason: "stop",
        responseId,
        responseModel,
      };
    },
  };
}

/** Distinct answers kept per (inputs, prompt): a month of traffic reuses them instead of regenerating. */
const POOL_SIZE = 8;
type Pools = WeakMap<object, Map<string, string[]>>;

function pooledText(pools: Pools, req: AttemptRequest, random: () => number): string {
  let byPrompt = pools.get(req.inputs);
  if (!byPrompt) pools.set(req.inputs, (byPrompt = new Map()));
  let pool = byPrompt.get(req.promptKey);
  if (!pool) byPrompt.set(req.promptKey, (pool = []));
  const slot = Math.floor(random() * POOL_SIZE);
  if (pool[slot] === undefined) {
    const schema = req.prompt.output_schema;
    const value = schema ? syntheticValue(schema, random, vocabularyOf(req.inputs)) : "Here is my answer.";
    pool[slot] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return pool[slot];
}

function outputText(pools: Pools, req: AttemptRequest, random: () => number, fault: FaultError | undefined): string {
  if (fault === "refusal") return "I'm sorry, but I can't help with that request.";
  const text = pooledText(pools, req, random);
  if (fault === "invalid_output") return `{"unexpected":${JSON.stringify(text)}}`;
  return fault === "malformed_json" ? `\`\`\`json\n${text.slice(0, Math.floor(text.length / 2))}` : text;
}
