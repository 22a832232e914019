import type { Bundle } from "../core/compile/bundle-types.ts";
import type { EvalFile } from "../core/evals/eval-types.ts";
import { costUsd } from "../runtime/tokens/cost.ts";
import { evalUnits } from "./eval-units.ts";
import type { CaseRun } from "./run-evals.ts";

/** Where to point an annotation: a config path and a JSON pointer inside it. */
export interface GateTarget {
  file: string;
  pointer: (string | number)[];
}

export interface GateFinding {
  gate: "output-contract" | "pass-rate" | "budget" | "slo";
  level: "error" | "warning";
  feature: string;
  message: string;
  target: GateTarget;
}

export interface VariantFigures {
  variant: string;
  experiment: string | null;
  prompt: string;
  model: string;
  share: number;
  cases: number;
  passed: number;
  avgInputTokens: number;
  avgOutputTokens: number;
  /** Mean measured cost of the eval cases. */
  costPerRequestUsd: number;
  /** The primary model at list prices: measured input tokens, the feature's expected output. */
  listPricePerRequestUsd: number;
  monthlyAtFullRolloutUsd: number;
  p95Ms: number | null;
}

export interface FeatureFigures {
  feature: string;
  variants: VariantFigures[];
  /** This split at the scale volume, list prices. */
  projectedMonthlyUsd: number;
}

/** Per-variant figures from the case runs (and simulated p95 per variant, when given). */
export function featureFigures(bundle: Bundle, runs: readonly CaseRun[], p95: ReadonlyMap<string, number> = new Map()): FeatureFigures {
  const scaleMonth = bundle.traffic.requests_per_day_at_scale * 30;
  const variants = evalUnits(bundle).map((unit) => {
    const mine = runs.filter((r) => r.feature === bundle.id && r.variant === unit.variant && r.experiment === unit.experiment);
    const n = Math.max(1, mine.length);
    const head = unit.route.chain[0]!;
    const pricing = bundle.providers[head.provider]!.models[head.model]!.pricing;
    const avgInput = mine.reduce((s, r) => s + r.inputTokens, 0) / n;
    const list = costUsd(pricing, avgInput, bundle.traffic.expected_output_tokens);
    return {
      variant: unit.variant,
      experiment: unit.experiment,
      prompt: unit.prompt,
      model: `${head.provider}/${head.model}`,
      share: unit.share,
      cases: mine.length,
      passed: mine.filter((r) => r.pass).length,
      avgInputTokens: avgInput,
      avgOutputTokens: mine.reduce((s, r) => s + r.outputTokens, 0) / n,
      costPerRequestUsd: mine.reduce((s, r) => s + r.costUsd, 0) / n,
      listPricePerRequestUsd: list,
      monthlyAtFullRolloutUsd: list * scaleMonth,
      p95Ms: p95.get(unit.variant) ?? null,
    };
  });
  return { feature: bundle.id, variants, projectedMonthlyUsd: variants.reduce((s, v) => s + v.share * v.listPricePerRequestUsd, 0) * scaleMonth };
}

const pct = (n: number) => `${Math.round(n * 100)}%`;
const usd = (n: number) => `$${Math.round(n).toLocaleString("en-US")}`;

/**
 * The gates a pull request must pass: outputs satisfy their contract, each variant route's pass
 * rate reaches the threshold, the projected bill fits the budget, and p95 fits the SLO (a warning
 * while the models cannot meet it anyway, an error when the change made it worse).
 */
export function evaluateGates(args: {
  bundle: Bundle;
  runs: readonly CaseRun[];
  evals: ReadonlyMap<string, EvalFile>;
  figures: FeatureFigures;
  released?: FeatureFigures;
}): GateFinding[] {
  const { bundle, runs, figures, released } = args;
  const out: GateFinding[] = [];
  const feature = bundle.id;
  const featureFile = `experiments/${feature}.yaml`;
  const mine = runs.filter((r) => r.feature === feature);
  for (const prompt of new Set(mine.filter((r) => r.assertions.some((a) => a.type === "output-contract" && !a.pass)).map((r) => r.prompt))) {
    const failing = mine.filter((r) => r.prompt === prompt && r.assertions.some((a) => a.type === "output-contract" && !a.pass));
    const [id, version] = prompt.split("@");
    out.push({ gate: "output-contract", level: "error", feature, message: `${failing.length} response(s) of ${prompt} break its output contract (first: ${failing[0]!.caseId} on ${failing[0]!.model}: ${failing[0]!.outputError}).`, target: { file: `prompts/${id}/v${version}.yaml`, pointer: ["output"] } });
  }
  for (const v of figures.variants) {
    if (v.cases === 0) continue;
    const id = bundle.prompts[v.prompt]!.id;
    const min = args.evals.get(id)?.defaults?.min_pass_rate ?? 1;
    const rate = v.passed / v.cases;
    if (rate < min) out.push({ gate: "pass-rate", level: "error", feature, message: `Variant ${v.variant} (${v.prompt} on ${v.model}) passed ${v.passed} of ${v.cases} eval cases (${pct(rate)}), under the threshold of ${pct(min)}.`, target: { file: `prompts/${id}/evals.yaml`, pointer: ["cases"] } });
  }
  const budget = bundle.budget.monthly_usd;
  if (figures.projectedMonthlyUsd > budget) {
    out.push({ gate: "budget", level: "error", feature, message: `Projected ${usd(figures.projectedMonthlyUsd)} a month at ${bundle.traffic.requests_per_day_at_scale.toLocaleString("en-US")} requests a day with the current split, over the ${usd(budget)} budget${released ? ` (released: ${usd(released.projectedMonthlyUsd)})` : ""}.`, target: { file: featureFile, pointer: ["budget", "monthly_usd"] } });
  }
  for (const v of figures.variants) {
    if (v.cases > 0 && v.monthlyAtFullRolloutUsd > budget) {
      out.push({ gate: "budget", level: "warning", feature, message: `Variant ${v.variant} (${v.model}) would cost ${usd(v.monthlyAtFullRolloutUsd)} a month at 100% rollout, over the ${usd(budget)} budget: it cannot win outright.`, target: { file: featureFile, pointer: variantPointer(bundle, v) } });
    }
  }
  const slo = bundle.slo.p95_latency_ms;
  for (const v of figures.variants) {
    // "Under the SLO": a p95 at the deadline means at least 5% of requests ran into it.
    if (v.p95Ms === null || v.p95Ms < slo || v.share === 0) continue;
    const before = released?.variants.find((r) => r.variant === v.variant && r.experiment === v.experiment)?.p95Ms ?? null;
    const worse = before !== null && (before < slo || v.p95Ms > before * 1.05);
    out.push({
      gate: "slo",
      level: worse ? "error" : "warning",
      feature,
      message: worse
        ? `This change pushes simulated p95 of ${v.variant} from ${before} ms to ${v.p95Ms} ms, not under the ${slo} ms SLO.`
        : `Simulated p95 of ${v.variant} (${v.model}) is ${v.p95Ms} ms, not under the ${slo} ms SLO${before !== null ? ` (released: ${before} ms)` : ""}: the route cannot meet it as configured.`,
      target: { file: featureFile, pointer: [...variantPointer(bundle, v), "route"] },
    });
  }
  return out;
}

function variantPointer(bundle: Bundle, v: { variant: string; experiment: string | null }): (string | number)[] {
  if (v.experiment === null) return ["default_route"];
  const e = bundle.experiments.findIndex((x) => x.id === v.experiment);
  const i = bundle.experiments[e]!.variants.findIndex((x) => x.key === v.variant);
  return ["experiments", e, "variants", i];
}
