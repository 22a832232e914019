import type { Bundle } from "../core/compile/bundle-types.ts";
import type { CompiledBundle } from "../core/compile/compile-bundle.ts";
import type { EvalFile } from "../core/evals/eval-types.ts";
import { featureInputs } from "../core/evals/parse-evals.ts";
import { renderEntry } from "../core/release/changelog.ts";
import { latestEntry, releasePath, type Ledger } from "../core/release/ledger.ts";
import { planReleases, type ReleasePlan } from "../core/release/plan-release.ts";
import type { OutputValidator } from "../runtime/serve.ts";
import type { Scenario } from "../simulation/scenarios.ts";
import { evaluateGates, featureFigures, type FeatureFigures, type GateFinding } from "./gates.ts";
import type { CaseRun } from "./run-evals.ts";
import { simulatedP95 } from "./simulated-p95.ts";
import { renderFeatureSummary, renderSummary } from "./summary.ts";

export interface ReviewInput {
  compiled: readonly CompiledBundle[];
  ledger: Ledger;
  runs: readonly CaseRun[];
  releasedRuns: readonly CaseRun[];
  evals: ReadonlyMap<string, EvalFile>;
  /** The scenario whose simulated day gives each variant's p95. */
  scenario: Scenario;
  validateOutput: OutputValidator;
  seed: number;
  mode: string;
  /** Source commit and its date, for the release preview. */
  sourceCommit: string | null;
  date: string;
}

export interface FeatureReview {
  feature: string;
  release: string;
  figures: FeatureFigures;
  released: FeatureFigures | null;
  gates: GateFinding[];
}

export interface Review {
  failed: boolean;
  gates: GateFinding[];
  features: FeatureReview[];
  plan: ReleasePlan;
  markdown: string;
}

/**
 * Everything a reviewer needs, from data already gathered: per feature the next release and its
 * changelog, figures against the latest release, the gates, and the summary markdown. Pure.
 */
export function buildReview(input: ReviewInput): Review {
  const { ledger } = input;
  const plan = planReleases(ledger, input.compiled, { sourceCommit: input.sourceCommit, date: input.date });
  const bundles = new Map([...ledger.bundles].map(([path, v]) => [path, v.bundle]));
  for (const r of plan.releases) bundles.set(releasePath(r.feature, r.entry.version), r.bundle);
  const figuresOf = (bundle: Bundle, runs: readonly CaseRun[]): FeatureFigures => {
    const inputs = featureInputs(bundle, input.evals);
    const p95 = inputs.length ? simulatedP95(bundle, input.scenario, inputs, input.validateOutput, input.seed) : new Map<string, number>();
    return featureFigures(bundle, runs, p95);
  };
  const sections: string[] = [];
  const features: FeatureReview[] = [];
  for (const { feature, bundle } of input.compiled) {
    const latest = latestEntry(ledger.index, feature);
    const releasedBundle = latest ? ledger.bundles.get(releasePath(feature, latest.version))?.bundle : undefined;
    const figures = figuresOf(bundle, input.runs);
    const released = releasedBundle ? figuresOf(releasedBundle, input.releasedRuns) : undefined;
    const gates = evaluateGates({ bundle, runs: input.runs, evals: input.evals, figures, released });
    const planned = plan.releases.find((r) => r.feature === feature);
    const release = planned ? `${planned.entry.previous ? `${planned.entry.previous} → ` : ""}${planned.entry.version} (${planned.entry.bump})` : `no change since ${latest?.version ?? "—"}`;
    const changelog = planned ? renderEntry(planned.entry, (v) => bundles.get(releasePath(feature, v))) : null;
    sections.push(renderFeatureSummary({ feature, release, changelog, figures, released, gates, runs: input.runs.filter((r) => r.feature === feature), budgetUsd: bundle.budget.monthly_usd, sloP95Ms: bundle.slo.p95_latency_ms }));
    features.push({ feature, release, figures, released: released ?? null, gates });
  }
  const gates = features.flatMap((f) => f.gates);
  const failed = gates.some((g) => g.level === "error");
  const header = `# LLM config review: ${failed ? "❌ gates failed" : "✅ gates passed"}\n\n${input.runs.length} eval case runs on mock providers (${input.mode} mode, seed ${input.seed}); p95 from a simulated day at each feature's scale volume.`;
  return { failed, gates, features, plan, markdown: renderSummary(sections, header) };
}
