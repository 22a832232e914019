import type { Bundle } from "../core/compile/bundle-types.ts";
import type { Tally } from "../runtime/metrics/aggregate.ts";
import { costUsd } from "../runtime/tokens/cost.ts";
import type { SimulationResult } from "./simulate.ts";

export interface TallyReport {
  requests: number;
  okRate: number;
  errorRate: number;
  errorsByType: Record<string, number>;
  fallbackRate: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  costUsd: number;
  costPerRequestUsd: number;
  avgInputTokens: number;
  avgOutputTokens: number;
}

export interface VariantReport extends TallyReport {
  variant: string;
  share: number;
  /** 30-day cost of this variant's share of traffic at the simulated daily volume. */
  projectedMonthlyUsd: number;
  /** The variant's primary model at list prices: measured input tokens, expected output tokens. */
  primaryModel: string;
  listPricePerRequestUsd: number;
  /** 30-day cost at list prices if this variant took all traffic at the feature's scale volume. */
  monthlyAtFullRolloutUsd: number;
  meetsSlo: boolean;
}

export interface SimulationReport {
  feature: string;
  bundleVersion: string | null;
  scenario: string;
  days: number;
  perDay: number;
  seed: number;
  requests: number;
  lost: number;
  budgetUsd: number;
  sloP95Ms: number;
  projectedMonthlyUsd: number;
  /** 30-day cost at list prices of the current split at the simulated volume. */
  listPriceMonthlyUsd: number;
  total: TallyReport;
  variants: VariantReport[];
  models: (TallyReport & { variant: string; provider: string; model: string })[];
}

export function summarizeTally(t: Tally): TallyReport {
  const n = Math.max(1, t.count);
  return {
    requests: t.count,
    okRate: t.ok / n,
    errorRate: (t.count - t.ok) / n,
    errorsByType: Object.fromEntries([...t.errors].sort((a, b) => b[1] - a[1])),
    fallbackRate: t.fallbacks / n,
    p50Ms: t.latency.percentile(50),
    p95Ms: t.latency.percentile(95),
    p99Ms: t.latency.percentile(99),
    costUsd: t.costUsd,
    costPerRequestUsd: t.costUsd / n,
    avgInputTokens: t.inputTokens / n,
    avgOutputTokens: t.outputTokens / n,
  };
}

export function buildReport(bundle: Bundle, result: SimulationResult, run: { scenario: string; days: number; perDay: number; seed: number }): SimulationReport {
  const monthly = (usd: number) => (usd / run.days) * 30;
  const variants = [...result.metrics.requests].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, tally]) => {
    const variant = key.split("|")[1]!;
    const summary = summarizeTally(tally);
    const list = listPrice(bundle, result, variant);
    return {
      variant,
      share: tally.count / Math.max(1, result.requests),
      ...summary,
      projectedMonthlyUsd: monthly(summary.costUsd),
      primaryModel: list.model,
      listPricePerRequestUsd: list.perRequest,
      monthlyAtFullRolloutUsd: list.perRequest * bundle.traffic.requests_per_day_at_scale * 30,
      // "Under 3 s": a p95 at the deadline means at least 5% of requests ran into it.
      meetsSlo: summary.p95Ms < bundle.slo.p95_latency_ms,
    };
  });
  const totals = result.metrics.totals.get(bundle.id);
  if (!totals) throw new Error(`the simulation recorded no request of ${bundle.id}`);
  const total = summarizeTally(totals);
  const models = [...result.metrics.attempts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, tally]) => {
    const [, variant, provider, model] = key.split("|");
    return { variant: variant!, provider: provider!, model: model!, ...summarizeTally(tally) };
  });
  return {
    feature: bundle.id,
    bundleVersion: bundle.version ?? null,
    ...run,
    requests: result.requests,
    lost: result.lost,
    budgetUsd: bundle.budget.monthly_usd,
    sloP95Ms: bundle.slo.p95_latency_ms,
    projectedMonthlyUsd: monthly(total.costUsd),
    listPriceMonthlyUsd: variants.reduce((sum, v) => sum + v.share * v.listPricePerRequestUsd, 0) * run.perDay * 30,
    total,
    variants,
    models,
  };
}

/**
 * What a variant costs when its primary model answers: list prices at the input tokens measured
 * for that model and the feature's expected output tokens. Failed and timed-out calls make the
 * measured cost lower than this, so budgets are judged on this figure.
 */
function listPrice(bundle: Bundle, result: SimulationResult, variant: string): { model: string; perRequest: number } {
  const route = variant === "(default)" ? bundle.default_route : bundle.experiments.flatMap((e) => e.variants).find((v) => v.key === variant)?.route;
  const head = route?.chain[0];
  if (!head) return { model: "?", perRequest: 0 };
  const model = bundle.providers[head.provider]!.models[head.model]!;
  const tally = result.metrics.attempts.get(`${bundle.id}|${variant}|${head.provider}|${model.api_model}`);
  const input = tally && tally.count > 0 ? tally.inputTokens / tally.count : 0;
  return { model: `${head.provider}/${head.model}`, perRequest: costUsd(model.pricing, input, bundle.traffic.expected_output_tokens) };
}
