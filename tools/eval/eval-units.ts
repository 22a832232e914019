import type { Bundle, BundleRoute } from "../core/compile/bundle-types.ts";

/** A prompt version on a route, as some variant (or the default route) serves it. */
export interface EvalUnit {
  /** Variant key, or "(default)". */
  variant: string;
  experiment: string | null;
  prompt: string;
  route: BundleRoute;
  /** Share of the feature's traffic this unit serves (0 to 1). */
  share: number;
}

/**
 * Every distinct (variant, prompt, route) of a bundle with its traffic share. Running
 * experiments are evaluated in order; each takes `coverage` of the users the earlier ones left.
 */
export function evalUnits(bundle: Bundle): EvalUnit[] {
  const units: EvalUnit[] = [];
  let remaining = bundle.kill_switch ? 0 : 1;
  for (const experiment of bundle.experiments) {
    const taken = experiment.status === "running" ? remaining * experiment.coverage : 0;
    for (const v of experiment.variants) {
      units.push({ variant: v.key, experiment: experiment.id, prompt: v.prompt, route: v.route, share: (taken * v.weight) / 100 });
    }
    remaining -= taken;
  }
  units.push({ variant: "(default)", experiment: null, prompt: bundle.default_route.prompt, route: { deadline_ms: bundle.default_route.deadline_ms, chain: bundle.default_route.chain }, share: remaining });
  return units;
}
