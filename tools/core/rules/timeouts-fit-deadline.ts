import type { Diagnostic } from "../diagnostics.ts";
import { routeSites } from "../model/routes.ts";
import { report, type Rule } from "./rule.ts";

export const timeoutsFitDeadline: Rule = {
  code: "timeouts-fit-deadline",
  severity: "error",
  description: "Each per-attempt timeout fits inside the route's overall deadline.",
  check({ model }) {
    const out: Diagnostic[] = [];
    for (const feature of model.features.values()) {
      for (const site of routeSites(feature).filter((s) => !s.inherited)) {
        site.route.chain.forEach((attempt, i) => {
          if (attempt.timeout_ms > site.route.deadline_ms) {
            out.push(report(this, feature.file, [...site.pointer, "chain", i, "timeout_ms"], `Timeout ${attempt.timeout_ms} ms of "${attempt.model}" exceeds the ${site.label}'s deadline of ${site.route.deadline_ms} ms.`, `Lower timeout_ms to at most ${site.route.deadline_ms}.`));
          }
        });
      }
    }
    return out;
  },
};
