import type { ModelDef } from "../../core/model/types.ts";

/** USD for one call at list prices; cached input tokens are billed at the cached rate when offered. */
export function costUsd(pricing: ModelDef["pricing"], inputTokens: number, outputTokens: number, cachedInputTokens = 0): number {
  const cached = pricing.cached_input_per_mtok === undefined ? 0 : Math.min(cachedInputTokens, inputTokens);
  const fresh = inputTokens - cached;
  return (fresh * pricing.input_per_mtok + cached * (pricing.cached_input_per_mtok ?? pricing.input_per_mtok) + outputTokens * pricing.output_per_mtok) / 1_000_000;
}

/** Rounded to 1e-8 USD so telemetry and vectors compare exactly across languages. */
export function roundUsd(usd: number): number {
  return Math.round(usd * 1e8) / 1e8;
}
