import type { Diagnostic } from "../diagnostics.ts";
import { report, type Rule } from "./rule.ts";

export const runningExperimentHasSeed: Rule = {
  code: "running-experiment-has-seed",
  severity: "error",
  description: "A running or paused experiment has a seed, so assignment is stable and reproducible.",
  check({ model }) {
    const out: Diagnostic[] = [];
    for (const { data, file } of model.features.values()) {
      data.experiments.forEach((experiment, e) => {
        if ((experiment.status === "running" || experiment.status === "paused") && experiment.seed === undefined) {
          out.push(report(this, file, ["experiments", e], `Experiment "${experiment.id}" is ${experiment.status} but has no seed.`, `Add seed: ${experiment.id}-<yyyy-mm>; never change it while the experiment runs.`));
        }
      });
    }
    return out;
  },
};
