import type { Diagnostic } from "../diagnostics.ts";
import { report, type Rule } from "./rule.ts";

/** Tolerance for decimal weights such as 33.33 + 33.33 + 33.34. */
const EPSILON = 1e-9;

export const weightsSumTo100: Rule = {
  code: "weights-sum-to-100",
  severity: "error",
  description: "The variant weights of each experiment add up to 100.",
  check({ model }) {
    const out: Diagnostic[] = [];
    for (const { data, file } of model.features.values()) {
      data.experiments.forEach((experiment, e) => {
        const total = experiment.variants.reduce((sum, v) => sum + v.weight, 0);
        if (Math.abs(total - 100) > EPSILON) {
          const listed = experiment.variants.map((v) => `${v.key}=${v.weight}`).join(", ");
          out.push(report(this, file, ["experiments", e, "variants"], `Variant weights of "${experiment.id}" sum to ${round(total)}, not 100 (${listed}).`, "Adjust the weights so they add up to 100; use coverage to run on a share of users.", "key"));
        }
      });
    }
    return out;
  },
};

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
