import { report, type Rule } from "./rule.ts";
import { routedModels } from "./routed-models.ts";

export const maxOutputFitsModel: Rule = {
  code: "max-output-fits-model",
  severity: "error",
  description: "The prompt's max_output_tokens is within each routed model's output limit.",
  check({ model }) {
    return routedModels(model).flatMap(({ feature, site, prompt, ref, def, pointer }) =>
      prompt.parameters.max_output_tokens <= def.max_output_tokens
        ? []
        : [report(this, feature.file, pointer, `${site.prompt} asks for up to ${prompt.parameters.max_output_tokens} output tokens but ${ref} returns at most ${def.max_output_tokens} (${site.label}).`, `Lower parameters.max_output_tokens in the prompt to ${def.max_output_tokens} or less.`)],
    );
  },
};
