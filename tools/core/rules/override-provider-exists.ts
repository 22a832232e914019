import type { Diagnostic } from "../diagnostics.ts";
import { didYouMean } from "../did-you-mean.ts";
import { report, type Rule } from "./rule.ts";

export const overrideProviderExists: Rule = {
  code: "override-provider-exists",
  severity: "error",
  description: "Per-provider message overrides name a defined provider.",
  check({ model }) {
    const out: Diagnostic[] = [];
    const providers = [...model.providers.keys()].sort();
    for (const { data, file } of model.prompts.values()) {
      for (const provider of Object.keys(data.overrides ?? {})) {
        if (model.providers.has(provider)) continue;
        out.push(report(this, file, ["overrides", provider], `Override for unknown provider "${provider}" would never apply.${didYouMean(provider, providers)}`, `Use one of: ${providers.join(", ")}.`, "key"));
      }
    }
    return out;
  },
};
