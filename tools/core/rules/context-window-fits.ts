import type { Diagnostic } from "../diagnostics.ts";
import { routeSites, splitModelRef } from "../model/routes.ts";
import { findModel } from "./model-ref-exists.ts";
import { report, type Rule } from "./rule.ts";
import { WORST_CASE_CHARS_PER_TOKEN, worstCaseInputTokens } from "./worst-case.ts";

export const contextWindowFits: Rule = {
  code: "context-window-fits",
  severity: "error",
  description: "Each model in a route holds the prompt's worst-case input plus its max output tokens.",
  check({ model }) {
    const out: Diagnostic[] = [];
    for (const feature of model.features.values()) {
      for (const site of routeSites(feature)) {
        const prompt = model.prompts.get(site.prompt)?.data;
        if (!prompt) continue;
        site.route.chain.forEach((attempt, i) => {
          const def = findModel(model, attempt.model);
          if (!def) return;
          const input = worstCaseInputTokens(prompt, splitModelRef(attempt.model).provider);
          const need = input + prompt.parameters.max_output_tokens;
          if (need <= def.context_window) return;
          const pointer = site.inherited ? site.promptPointer : [...site.pointer, "chain", i, "model"];
          out.push(
            report(this, feature.file, pointer, `${site.prompt} can need ${need} tokens (${input} worst-case input + ${prompt.parameters.max_output_tokens} output) but ${attempt.model} holds ${def.context_window} (${site.label}).`, `Lower the inputs' maxLength/maxItems or max_output_tokens, or route to a model with a larger window. Worst case assumes ${WORST_CASE_CHARS_PER_TOKEN} characters a token with every input at its limit.`),
          );
        });
      }
    }
    return out;
  },
};
