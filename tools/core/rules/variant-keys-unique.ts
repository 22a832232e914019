import type { Diagnostic } from "../diagnostics.ts";
import { report, type Rule } from "./rule.ts";

export const variantKeysUnique: Rule = {
  code: "variant-keys-unique",
  severity: "error",
  description: "Variant keys are unique within an experiment (telemetry and Rails tell variants apart by key).",
  check({ model }) {
    const out: Diagnostic[] = [];
    for (const { data, file } of model.features.values()) {
      data.experiments.forEach((experiment, e) => {
        const seen = new Set<string>();
        experiment.variants.forEach((variant, v) => {
          if (seen.has(variant.key)) {
            out.push(report(this, file, ["experiments", e, "variants", v, "key"], `Variant key "${variant.key}" appears twice in "${experiment.id}".`, "Give every variant its own key."));
          }
          seen.add(variant.key);
        });
      });
    }
    return out;
  },
};
