import type { Bundle, BundleExperiment, BundleRoute } from "../../core/compile/bundle-types.ts";
import { bucketRanges, chooseVariant, type Range } from "./bucket-ranges.ts";
import { hash } from "./hash.ts";

export type AssignmentReason = "assigned" | "outside_coverage" | "experiment_not_running" | "kill_switch" | "missing_attribute" | "no_experiment";

/** Request attributes that experiments hash on (user_id, session_id, account_id). */
export type Attributes = Readonly<Record<string, string | undefined>>;

export interface ExperimentResult {
  experiment: string;
  reason: Exclude<AssignmentReason, "kill_switch" | "no_experiment">;
  /** Hash in [0, 1) when one was computed. */
  hash: number | null;
  variant: string | null;
}

export interface Assignment {
  reason: AssignmentReason;
  experiment: string | null;
  variant: string | null;
  /** Prompt and route to serve; null only under the kill switch. */
  prompt: string | null;
  route: BundleRoute | null;
  hash: number | null;
}

const rangesOf = new WeakMap<BundleExperiment, Range[]>();

/** Bucket ranges depend only on the experiment: computed once per bundle object. */
function experimentRanges(experiment: BundleExperiment): Range[] {
  let ranges = rangesOf.get(experiment);
  if (!ranges) rangesOf.set(experiment, (ranges = bucketRanges(experiment.variants.map((v) => v.weight), experiment.coverage)));
  return ranges;
}

/** One experiment, GrowthBook-style: running, attribute present, hashed, bucketed. */
export function evaluateExperiment(experiment: BundleExperiment, attributes: Attributes): ExperimentResult {
  const id = experiment.id;
  if (experiment.status !== "running" || experiment.seed === null) return { experiment: id, reason: "experiment_not_running", hash: null, variant: null };
  const value = attributes[experiment.hash_attribute];
  if (value === undefined || value === "") return { experiment: id, reason: "missing_attribute", hash: null, variant: null };
  const n = hash(experiment.seed, value, experiment.hash_version);
  if (n === null) return { experiment: id, reason: "experiment_not_running", hash: null, variant: null };
  const index = chooseVariant(n, experimentRanges(experiment));
  if (index < 0) return { experiment: id, reason: "outside_coverage", hash: n, variant: null };
  return { experiment: id, reason: "assigned", hash: n, variant: experiment.variants[index]!.key };
}

/**
 * What a request gets: the first experiment (in file order) that assigns the user, else the
 * default route, with the reason from the first experiment that was considered.
 */
export function assign(bundle: Bundle, attributes: Attributes): Assignment {
  if (bundle.kill_switch) return { reason: "kill_switch", experiment: null, variant: null, prompt: null, route: null, hash: null };
  const fallback = { prompt: bundle.default_route.prompt, route: { deadline_ms: bundle.default_route.deadline_ms, chain: bundle.default_route.chain } };
  let first: ExperimentResult | undefined;
  for (const experiment of bundle.experiments) {
    const result = evaluateExperiment(experiment, attributes);
    if (result.reason === "assigned") {
      const variant = experiment.variants.find((v) => v.key === result.variant)!;
      return { reason: "assigned", experiment: experiment.id, variant: variant.key, prompt: variant.prompt, route: variant.route, hash: result.hash };
    }
    if (!first || (first.reason === "experiment_not_running" && result.reason !== "experiment_not_running")) first = result;
  }
  return { reason: first?.reason ?? "no_experiment", experiment: first?.experiment ?? null, variant: null, ...fallback, hash: first?.hash ?? null };
}
