import type { TelemetryEvent, TelemetrySink } from "../telemetry/events.ts";
import { LatencyHistogram } from "./latency-histogram.ts";

export interface Tally {
  count: number;
  ok: number;
  errors: Map<string, number>;
  fallbacks: number;
  latency: LatencyHistogram;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

function tally(): Tally {
  return { count: 0, ok: 0, errors: new Map(), fallbacks: 0, latency: new LatencyHistogram(), inputTokens: 0, outputTokens: 0, costUsd: 0 };
}

/**
 * Metrics from the telemetry stream itself (a sink like any other), so what the report says
 * is exactly what the events say: requests per feature and variant, attempts per provider model.
 */
export class MetricsAggregator implements TelemetrySink {
  /** Keyed "feature|variant" ("(default)" outside experiments). */
  readonly requests = new Map<string, Tally>();
  /** Keyed "feature|variant|provider|model". */
  readonly attempts = new Map<string, Tally>();
  /** Every request of a feature, whatever its variant (for percentiles of the whole). */
  readonly totals = new Map<string, Tally>();
  // Nested lookups by the event's own strings: building a key string per event was a hot spot.
  private readonly requestIndex = new Map<string, Map<string | null, Tally>>();
  private readonly attemptIndex = new Map<string, Map<string | null, Map<string, Map<string, Tally>>>>();

  emit(event: TelemetryEvent): void {
    const feature = event["llmcfg.feature"];
    const variant = event["llmcfg.variant.key"];
    if (event["event.name"] === "llm.request") {
      const t = this.requestTally(feature, variant);
      const total = get(this.totals, feature);
      add(t, event);
      add(total, event);
      if (event["llmcfg.fallback"]) {
        t.fallbacks++;
        total.fallbacks++;
      }
    } else {
      const t = this.attemptTally(feature, variant, event["gen_ai.provider.name"], event["gen_ai.request.model"]);
      add(t, event);
      if (event["llmcfg.fallback.reason"] !== null) t.fallbacks++;
    }
  }

  private requestTally(feature: string, variant: string | null): Tally {
    let byVariant = this.requestIndex.get(feature);
    if (!byVariant) this.requestIndex.set(feature, (byVariant = new Map()));
    let t = byVariant.get(variant);
    if (!t) {
      byVariant.set(variant, (t = tally()));
      this.requests.set(`${feature}|${variant ?? "(default)"}`, t);
    }
    return t;
  }

  private attemptTally(feature: string, variant: string | null, provider: string, model: string): Tally {
    let byVariant = this.attemptIndex.get(feature);
    if (!byVariant) this.attemptIndex.set(feature, (byVariant = new Map()));
    let byProvider = byVariant.get(variant);
    if (!byProvider) byVariant.set(variant, (byProvider = new Map()));
    let byModel = byProvider.get(provider);
    if (!byModel) byProvider.set(provider, (byModel = new Map()));
    let t = byModel.get(model);
    if (!t) {
      byModel.set(model, (t = tally()));
      this.attempts.set(`${feature}|${variant ?? "(default)"}|${provider}|${model}`, t);
    }
    return t;
  }
}

function get(map: Map<string, Tally>, key: string): Tally {
  let t = map.get(key);
  if (!t) map.set(key, (t = tally()));
  return t;
}

function add(t: Tally, event: TelemetryEvent): void {
  t.count++;
  const error = event["error.type"];
  if (error === null) t.ok++;
  else t.errors.set(error, (t.errors.get(error) ?? 0) + 1);
  t.latency.record(event.duration_ms);
  t.inputTokens += event["gen_ai.usage.input_tokens"];
  t.outputTokens += event["gen_ai.usage.output_tokens"];
  t.costUsd += event["llmcfg.cost.usd"];
}
