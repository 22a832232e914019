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
  readonly requests = new Map<string, Tally>();
  readonly attempts = new Map<string, Tally>();
  /** Every request of a feature, whatever its variant (for percentiles of the whole). */
  readonly totals = new Map<string, Tally>();

  private readonly keys = new Map<string, string>();

  /** Interned "feature|variant" keys: building them per event was a hot spot. */
  private key(feature: string, variant: string | null, suffix = ""): string {
    const raw = suffix ? `${feature}\u0000${variant}\u0000${suffix}` : `${feature}\u0000${variant}`;
    let key = this.keys.get(raw);
    if (key === undefined) this.keys.set(raw, (key = `${feature}|${variant ?? "(default)"}${suffix ? `|${suffix}` : ""}`));
    return key;
  }

  emit(event: TelemetryEvent): void {
    const variant = this.key(event["llmcfg.feature"], event["llmcfg.variant.key"]);
    if (event["event.name"] === "llm.request") {
      for (const t of [get(this.requests, variant), get(this.totals, event["llmcfg.feature"])]) {
        add(t, event);
        if (event["llmcfg.fallback"]) t.fallbacks++;
      }
    } else {
      const t = get(this.attempts, this.key(event["llmcfg.feature"], event["llmcfg.variant.key"], `${event["gen_ai.provider.name"]}|${event["gen_ai.request.model"]}`));
      add(t, event);
      if (event["llmcfg.fallback.reason"] !== null) t.fallbacks++;
    }
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
