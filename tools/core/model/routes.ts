import type { Located } from "./load-model.ts";
import type { AttemptDef, FeatureDoc, RouteDef } from "./types.ts";
import type { JsonPointer } from "../parse/parse-yaml.ts";

/** A route as written, with where it lives: the default route or a variant's own route. */
export interface RouteSite {
  feature: Located<FeatureDoc>;
  label: string;
  prompt: string;
  route: RouteDef;
  /** Pointer to the object holding `deadline_ms` and `chain`. */
  pointer: JsonPointer;
  /** Pointer to the `prompt` reference. */
  promptPointer: JsonPointer;
  /** True for a variant that uses the default route's chain: chain rules skip it. */
  inherited: boolean;
}

/**
 * Every (prompt, route) pair a feature can serve. A variant without a route of its own uses
 * the default route's chain, so it is listed with the default pointer for the chain.
 */
export function routeSites(feature: Located<FeatureDoc>): RouteSite[] {
  const doc = feature.data;
  const sites: RouteSite[] = [
    { feature, label: "default route", prompt: doc.default_route.prompt, route: doc.default_route, pointer: ["default_route"], promptPointer: ["default_route", "prompt"], inherited: false },
  ];
  doc.experiments.forEach((experiment, e) => {
    experiment.variants.forEach((variant, v) => {
      const own = variant.route !== undefined;
      sites.push({
        feature,
        label: `variant "${variant.key}" of ${experiment.id}`,
        prompt: variant.prompt,
        route: variant.route ?? doc.default_route,
        pointer: own ? ["experiments", e, "variants", v, "route"] : ["default_route"],
        promptPointer: ["experiments", e, "variants", v, "prompt"],
        inherited: !own,
      });
    });
  });
  return sites;
}

export function splitModelRef(ref: string): { provider: string; model: string } {
  const slash = ref.indexOf("/");
  return { provider: ref.slice(0, slash), model: ref.slice(slash + 1) };
}

export const DEFAULT_MAX_RETRIES = 1;

export function retriesOf(attempt: AttemptDef): number {
  return attempt.max_retries ?? DEFAULT_MAX_RETRIES;
}
