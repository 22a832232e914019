import type { Diagnostic } from "../diagnostics.ts";
import { routeSites } from "../model/routes.ts";
import { findModel } from "./model-ref-exists.ts";
import { report, type Rule } from "./rule.ts";

export const maxOutputFitsModel: Rule = {
  code: "max-output-fits-model",
  severity: "error",
  description: "The prompt's max_output_tokens is within each routed model's output limit.",
  check({ model }) {
    const out: Diagnostic[] = [];
    for (const feature of model.features.values()) {
      for (const site of routeSites(feature)) {
        const prompt = model.prompts.get(site.prompt)?.data;
        if (!prompt) continue;
        site.route.chain.forEach((attempt, i) => {
          const def = findModel(model, attempt.model);
          if (!def || prompt.parameters.max_output_tokens <= def.max_output_tokens) return;
          const pointer = site.inherited ? site.promptPointer : [...site.pointer, "chain", i, "model"];
          out.push(report(this, feature.file, pointer, `${site.prompt} asks for up to ${prompt.parameters.max_output_tokens} output tokens but ${attempt.model} returns at most ${def.max_output_tokens} (${site.label}).`, `Lower parameters.max_output_tokens in the prompt to ${def.max_output_tokens} or less.`));
        });
      }
    }
    return out;
  },
};
