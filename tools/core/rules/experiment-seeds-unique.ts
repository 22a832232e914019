import type { Diagnostic } from "../diagnostics.ts";
import { report, type Rule } from "./rule.ts";

/** Two experiments on one seed put the same users in the same buckets: their results correlate. */
export const experimentSeedsUnique: Rule = {
  code: "experiment-seeds-unique",
  severity: "error",
  description: "Experiment hash seeds are unique across all features.",
  check({ model }) {
    const out: Diagnostic[] = [];
    const first = new Map<string, string>();
    for (const { data, file } of [...model.features.values()].sort((a, b) => (a.file.path < b.file.path ? -1 : 1))) {
      data.experiments.forEach((experiment, e) => {
        if (experiment.seed === undefined) return;
        const where = first.get(experiment.seed);
        if (where) {
          out.push(report(this, file, ["experiments", e, "seed"], `Seed "${experiment.seed}" is already used by ${where}.`, "Give each experiment its own seed, e.g. <feature>-<experiment>-<yyyy-mm>."));
        } else {
          first.set(experiment.seed, `experiment "${experiment.id}" (${file.path})`);
        }
      });
    }
    return out;
  },
};
