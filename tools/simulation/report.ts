import type { Bundle } from "../core/compile/bundle-types.ts";
import type { Tally } from "../runtime/metrics/aggregate.ts";
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
  /** 30-day cost if this variant took all traffic at the feature's scale volume. */
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
    const summary = summarizeTally(tally);
    return {
      variant: key.split("|")[1]!,
      share: tally.count / Math.max(1, result.requests),
      ...summary,
      projectedMonthlyUsd: monthly(summary.costUsd),
      monthlyAtFullRolloutUsd: summary.costPerRequestUsd * bundle.traffic.requests_per_day_at_scale * 30,
      meetsSlo: summary.p95Ms <= bundle.slo.p95_latency_ms,
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
    total,
    variants,
    models,
  };
}
