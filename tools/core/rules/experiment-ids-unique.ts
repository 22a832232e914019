import type { Diagnostic } from "../diagnostics.ts";
import { report, type Rule } from "./rule.ts";

/** Experiment ids label telemetry across every feature, so they are unique repository-wide. */
export const experimentIdsUnique: Rule = {
  code: "experiment-ids-unique",
  severity: "error",
  description: "Experiment ids are unique across all features.",
  check({ model }) {
    const out: Diagnostic[] = [];
    const first = new Map<string, string>();
    for (const { data, file } of [...model.features.values()].sort((a, b) => (a.file.path < b.file.path ? -1 : 1))) {
      data.experiments.forEach((experiment, e) => {
        const where = first.get(experiment.id);
        if (where) {
          out.push(report(this, file, ["experiments", e, "id"], `Experiment id "${experiment.id}" is already used in ${where}.`, "Pick a new id; reusing one would merge two experiments' telemetry."));
        } else {
          first.set(experiment.id, file.path);
        }
      });
    }
    return out;
  },
};
