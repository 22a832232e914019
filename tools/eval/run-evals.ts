import type { Bundle } from "../core/compile/bundle-types.ts";
import type { AssertionDef, EvalCase, EvalFile } from "../core/evals/eval-types.ts";
import type { Fault } from "../providers/faults.ts";
import { createMockProvider } from "../providers/mock-provider.ts";
import { deriveSeed, seededRandom } from "../runtime/random.ts";
import { Runtime, type OutputValidator } from "../runtime/serve.ts";
import { MemorySink } from "../runtime/telemetry/events.ts";
import { assertionHandler } from "./assertions/registry.ts";
import { evalUnits, type EvalUnit } from "./eval-units.ts";
import { replayProvider, type Recording, type ReplayStats } from "./recordings.ts";

export type MockMode = "replay" | "synthetic";

export interface AssertionOutcome {
  type: string;
  weight: number;
  pass: boolean;
  score: number;
  reason: string;
}

/** One case on one variant route: JSON-serialisable, so shards can be merged. */
export interface CaseRun {
  /** Position in the unsharded plan: merged shards sort back into this order. */
  index: number;
  feature: string;
  variant: string;
  experiment: string | null;
  prompt: string;
  model: string;
  caseId: string;
  pass: boolean;
  score: number;
  threshold: number;
  assertions: AssertionOutcome[];
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  latencyMs: number;
  /** "hit": replayed a recording; "miss": no recording matched, synthesized; "synthetic": replay off. */
  replay: "hit" | "miss" | "synthetic";
  outputError: string | null;
}

export interface EvalOptions {
  bundle: Bundle;
  evals: ReadonlyMap<string, EvalFile>;
  recordings: ReadonlyMap<string, Recording>;
  mode: MockMode;
  seed: number;
  validateOutput: OutputValidator;
  /** Scripted faults (a scenario) applied to the mock providers. */
  faults?: readonly Fault[];
  /** 1-based shard index and shard count: this run takes every n-th case. */
  shard?: { index: number; count: number };
}

/** Latency does not decide an eval (the SLO gate judges it from the simulation): no deadline. */
const EVAL_DEADLINE_MS = 600_000;

export interface PlannedRun {
  unit: EvalUnit;
  evalCase: EvalCase;
  file: EvalFile;
}

/** Every (variant route, case) pair in a stable order, before sharding. */
export function planRuns(bundle: Bundle, evals: ReadonlyMap<string, EvalFile>): PlannedRun[] {
  const runs: PlannedRun[] = [];
  for (const unit of evalUnits(bundle)) {
    const prompt = bundle.prompts[unit.prompt]!;
    const file = evals.get(prompt.id);
    for (const evalCase of file?.cases ?? []) {
      if (evalCase.versions && !evalCase.versions.includes(prompt.version)) continue;
      runs.push({ unit, evalCase, file: file! });
    }
  }
  return runs;
}

export function runEvals(options: EvalOptions): CaseRun[] {
  const planned = planRuns(options.bundle, options.evals);
  const indexed = planned.map((run, index) => ({ run, index }));
  const mine = options.shard ? indexed.filter(({ index }) => index % options.shard!.count === options.shard!.index - 1) : indexed;
  return mine.map(({ run, index }) => runCase(options, run, index));
}

function runCase(options: EvalOptions, { unit, evalCase, file }: PlannedRun, index: number): CaseRun {
  const { bundle } = options;
  const label = `${bundle.id}|${unit.experiment ?? ""}|${unit.variant}|${unit.prompt}|${evalCase.id}`;
  // A fresh, case-seeded provider: a case's result never depends on which other cases ran.
  const seed = deriveSeed(options.seed, label);
  const synthetic = createMockProvider({ seed, faults: options.faults });
  const stats: ReplayStats = { hits: 0, misses: 0 };
  const provider = options.mode === "replay" ? replayProvider(options.recordings, synthetic, stats) : synthetic;
  // The primary model alone, once: a fallback must not hide what the variant's own model answers.
  const route = { deadline_ms: EVAL_DEADLINE_MS, chain: [{ ...unit.route.chain[0]!, timeout_ms: EVAL_DEADLINE_MS, max_retries: 0 }] };
  const view: Bundle = { ...bundle, kill_switch: false, experiments: [], default_route: { prompt: unit.prompt, ...route }, budget: { ...bundle.budget, max_cost_per_request_usd: Number.MAX_VALUE } };
  const sink = new MemorySink();
  const runtime = new Runtime({ bundle: view, provider, sink, validateOutput: options.validateOutput, random: seededRandom(seed) });
  const served = runtime.serve({ requestId: label, attributes: {}, inputs: evalCase.inputs, startMs: 0 });
  const last = served.events[served.events.length - 1];
  const version = bundle.prompts[unit.prompt]!.version;
  const defs: AssertionDef[] = [...(file.defaults?.assertions ?? []), ...(evalCase.assertions ?? [])].filter((a) => !a.versions || a.versions.includes(version));
  const outputError = served.outcome === "ok" ? null : served.inputErrors.length ? `invalid inputs: ${served.inputErrors.map((e) => `${e.path} ${e.message}`).join("; ")}` : (last?.["llmcfg.output.error"] ?? served.errorType ?? "no response");
  const ctx = {
    text: served.text,
    output: served.output,
    outputError,
    messages: served.messages ?? [],
    inputs: evalCase.inputs,
    inputTokens: last?.["gen_ai.usage.input_tokens"] ?? 0,
    outputTokens: last?.["gen_ai.usage.output_tokens"] ?? 0,
    costUsd: served.costUsd,
    latencyMs: served.durationMs,
    sloP95Ms: bundle.slo.p95_latency_ms,
  };
  const assertions = defs.map((def) => ({ type: def.type, weight: def.weight ?? 1, ...assertionHandler(def.type)({ ...ctx, def }) }));
  const total = assertions.reduce((s, a) => s + a.weight, 0);
  const score = total === 0 ? 0 : assertions.reduce((s, a) => s + a.weight * a.score * (a.pass ? 1 : 0), 0) / total;
  const threshold = evalCase.threshold ?? file.defaults?.threshold ?? 1;
  const head = unit.route.chain[0]!;
  return {
    index,
    feature: bundle.id,
    variant: unit.variant,
    experiment: unit.experiment,
    prompt: unit.prompt,
    model: `${head.provider}/${head.model}`,
    caseId: evalCase.id,
    // A case with no assertion proves nothing: it fails rather than passing vacuously.
    pass: assertions.length > 0 && score >= threshold - 1e-9,
    score: Math.round(score * 1000) / 1000,
    threshold,
    assertions,
    inputTokens: ctx.inputTokens,
    outputTokens: ctx.outputTokens,
    costUsd: ctx.costUsd,
    latencyMs: Math.round(ctx.latencyMs),
    replay: options.mode === "synthetic" ? "synthetic" : stats.hits > 0 ? "hit" : "miss",
    outputError,
  };
}
