import type { Diagnostic } from "../diagnostics.ts";
import { report, type Rule } from "./rule.ts";

/**
 * Experiments are evaluated in order and the first that assigns a user wins, so a running
 * experiment behind one that covers every user never gets traffic (its results stay empty).
 */
export const experimentReachable: Rule = {
  code: "experiment-reachable",
  severity: "warning",
  description: "A running experiment is not shadowed by an earlier running experiment with coverage 1.",
  check({ model }) {
    const out: Diagnostic[] = [];
    for (const { data, file } of model.features.values()) {
      let shadow: string | undefined;
      data.experiments.forEach((experiment, e) => {
        if (experiment.status !== "running") return;
        if (shadow) {
          out.push(report(this, file, ["experiments", e, "status"], `Experiment "${experiment.id}" is running but gets no traffic: "${shadow}" comes first and covers every user.`, `Lower the coverage of "${shadow}" (e.g. 0.8 leaves 20% of users for later experiments) or conclude it first.`));
        } else if (experiment.coverage >= 1) {
          shadow = experiment.id;
        }
      });
    }
    return out;
  },
};
