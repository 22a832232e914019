import type { ConfigModel } from "../model/load-model.ts";
import { retriesOf, splitModelRef } from "../model/routes.ts";
import type { FeatureDoc, PromptDoc, RouteDef } from "../model/types.ts";
import { canonicalJson } from "./canonical-json.ts";
import { contentHash } from "./content-hash.ts";
import { BUNDLE_FORMAT_VERSION, type Bundle, type BundlePrompt, type BundleProvider, type BundleRoute } from "./bundle-types.ts";

export interface CompileOptions {
  /** The git commit the sources come from, read by the command; null outside git. */
  sourceCommit: string | null;
}

export interface CompiledBundle {
  feature: string;
  bundle: Bundle;
  /** Canonical JSON bytes, exactly what is written and hashed for release. */
  json: string;
}

/** One self-contained bundle per feature. Call only on a model that validated without errors. */
export function compileBundles(model: ConfigModel, options: CompileOptions): CompiledBundle[] {
  return [...model.features.keys()].sort().map((id) => {
    const bundle = compileFeature(model, model.features.get(id)!.data, options);
    return { feature: id, bundle, json: canonicalJson(bundle) };
  });
}

export function compileFeature(model: ConfigModel, feature: FeatureDoc, options: CompileOptions): Bundle {
  const promptRefs = new Set<string>([feature.default_route.prompt]);
  const modelRefs = new Set<string>();
  const route = (def: RouteDef): BundleRoute => ({
    deadline_ms: def.deadline_ms,
    chain: def.chain.map((attempt) => {
      modelRefs.add(attempt.model);
      const { provider, model: id } = splitModelRef(attempt.model);
      return { provider, model: id, timeout_ms: attempt.timeout_ms, max_retries: retriesOf(attempt) };
    }),
  });
  const body = {
    format_version: BUNDLE_FORMAT_VERSION,
    id: feature.id,
    name: feature.name,
    owner: feature.owner,
    description: feature.description,
    kill_switch: feature.kill_switch,
    traffic: feature.traffic,
    budget: feature.budget,
    slo: feature.slo,
    default_route: { prompt: feature.default_route.prompt, ...route(feature.default_route) },
    experiments: feature.experiments.map((e) => ({
      id: e.id,
      status: e.status,
      hypothesis: e.hypothesis,
      seed: e.seed ?? null,
      hash_attribute: e.hash_attribute,
      hash_version: e.hash_version,
      coverage: e.coverage,
      variants: e.variants.map((v) => {
        promptRefs.add(v.prompt);
        return { key: v.key, weight: v.weight, prompt: v.prompt, route: route(v.route ?? feature.default_route) };
      }),
      primary_metric: e.primary_metric,
      guardrail_metrics: e.guardrail_metrics,
      start_date: e.start_date,
      min_duration_days: e.min_duration_days,
    })),
  };
  const bundle = {
    ...body,
    prompts: compilePrompts(model, promptRefs),
    providers: compileProviders(model, modelRefs),
    source_commit: options.sourceCommit,
  };
  return { ...bundle, content_hash: contentHash(bundle) };
}

function compilePrompts(model: ConfigModel, refs: Set<string>): Record<string, BundlePrompt> {
  const out: Record<string, BundlePrompt> = {};
  for (const ref of [...refs].sort()) {
    out[ref] = compilePrompt(model.prompts.get(ref)!.data);
  }
  return out;
}

/** One prompt version as the bundle carries it. */
export function compilePrompt(p: PromptDoc): BundlePrompt {
  return {
      id: p.id,
      version: p.version,
      description: p.description,
      owner: p.owner,
      changes: p.changes,
      inputs: p.inputs,
      parameters: p.parameters,
      messages: p.messages,
      output_schema: p.output?.schema ?? null,
      overrides: Object.fromEntries(Object.entries(p.overrides ?? {}).map(([k, v]) => [k, v.messages])),
  };
}

function compileProviders(model: ConfigModel, refs: Set<string>): Record<string, BundleProvider> {
  const out: Record<string, BundleProvider> = {};
  for (const ref of [...refs].sort()) {
    const { provider, model: id } = splitModelRef(ref);
    const p = model.providers.get(provider)!.data;
    out[provider] ??= { id: p.id, name: p.name, api_style: p.api_style, base_url: p.base_url, api_key_env: p.api_key_env, models: {} };
    out[provider].models[id] = p.models.find((m) => m.id === id)!;
  }
  return out;
}
