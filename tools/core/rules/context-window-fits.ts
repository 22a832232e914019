import { splitModelRef } from "../model/routes.ts";
import { report, type Rule } from "./rule.ts";
import { routedModels } from "./routed-models.ts";
import { WORST_CASE_CHARS_PER_TOKEN, worstCaseInputTokens } from "./worst-case.ts";

export const contextWindowFits: Rule = {
  code: "context-window-fits",
  severity: "error",
  description: "Each model in a route holds the prompt's worst-case input plus its max output tokens.",
  check({ model }) {
    return routedModels(model).flatMap(({ feature, site, prompt, ref, def, pointer }) => {
      const input = worstCaseInputTokens(prompt, splitModelRef(ref).provider);
      const need = input + prompt.parameters.max_output_tokens;
      if (need <= def.context_window) return [];
      return [
        report(this, feature.file, pointer, `${site.prompt} can need ${need} tokens (${input} worst-case input + ${prompt.parameters.max_output_tokens} output) but ${ref} holds ${def.context_window} (${site.label}).`, `Lower the inputs' maxLength/maxItems or max_output_tokens, or route to a model with a larger window. Worst case assumes ${WORST_CASE_CHARS_PER_TOKEN} characters a token with every input at its limit.`),
      ];
    });
  },
};
