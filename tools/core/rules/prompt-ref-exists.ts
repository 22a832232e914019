import type { Diagnostic } from "../diagnostics.ts";
import { routeSites } from "../model/routes.ts";
import { didYouMean } from "../did-you-mean.ts";
import { report, type Rule } from "./rule.ts";

export const promptRefExists: Rule = {
  code: "prompt-ref-exists",
  severity: "error",
  description: "Every prompt@version a route names exists under prompts/.",
  check({ model }) {
    const out: Diagnostic[] = [];
    const known = [...model.prompts.keys()].sort();
    for (const feature of model.features.values()) {
      for (const site of routeSites(feature)) {
        if (model.prompts.has(site.prompt)) continue;
        const [id, version] = site.prompt.split("@");
        // The file exists but is broken: its own diagnostics say why; do not pile on.
        if (model.invalidPaths.has(`prompts/${id}/v${version}.yaml`)) continue;
        const versions = known.filter((k) => k.startsWith(`${id}@`));
        const where = versions.length ? `Versions of ${id}: ${versions.join(", ")}.` : `No prompt "${id}" exists.`;
        out.push(
          report(this, feature.file, site.promptPointer, `Prompt "${site.prompt}" (${site.label}) does not exist.${didYouMean(site.prompt, known)}`, `${where} Create prompts/${id}/v<N>.yaml or reference an existing version.`),
        );
      }
    }
    return out;
  },
};
