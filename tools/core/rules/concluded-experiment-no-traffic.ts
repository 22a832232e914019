import type { Diagnostic } from "../diagnostics.ts";
import { report, type Rule } from "./rule.ts";

/** A concluded experiment ships its winner through the default route, not through coverage. */
export const concludedExperimentNoTraffic: Rule = {
  code: "concluded-experiment-no-traffic",
  severity: "error",
  description: "A concluded experiment has coverage 0: it takes no traffic.",
  check({ model }) {
    const out: Diagnostic[] = [];
    for (const { data, file } of model.features.values()) {
      data.experiments.forEach((experiment, e) => {
        if (experiment.status === "concluded" && experiment.coverage > 0) {
          out.push(report(this, file, ["experiments", e, "coverage"], `Experiment "${experiment.id}" is concluded but still has coverage ${experiment.coverage}.`, "Set coverage: 0 and move the winning prompt and route into default_route."));
        }
      });
    }
    return out;
  },
};
