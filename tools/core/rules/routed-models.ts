import type { Located } from "../model/load-model.ts";
import type { ConfigModel } from "../model/load-model.ts";
import { routeSites, type RouteSite } from "../model/routes.ts";
import type { FeatureDoc, ModelDef, PromptDoc } from "../model/types.ts";
import type { JsonPointer } from "../parse/parse-yaml.ts";
import { findModel } from "./model-ref-exists.ts";

export interface RoutedModel {
  feature: Located<FeatureDoc>;
  site: RouteSite;
  prompt: PromptDoc;
  /** "provider/model" as written. */
  ref: string;
  def: ModelDef;
  /** Where to report: the chain entry, or the variant's prompt when it inherits the chain. */
  pointer: JsonPointer;
}

/** Every (prompt, model) pair a route can send, with both resolved; unresolved ones are skipped. */
export function routedModels(model: ConfigModel): RoutedModel[] {
  const out: RoutedModel[] = [];
  for (const feature of model.features.values()) {
    for (const site of routeSites(feature)) {
      const prompt = model.prompts.get(site.prompt)?.data;
      if (!prompt) continue;
      site.route.chain.forEach((attempt, i) => {
        const def = findModel(model, attempt.model);
        if (!def) return;
        out.push({ feature, site, prompt, ref: attempt.model, def, pointer: site.inherited ? site.promptPointer : [...site.pointer, "chain", i, "model"] });
      });
    }
  }
  return out;
}
