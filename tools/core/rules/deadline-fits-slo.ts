import type { Diagnostic } from "../diagnostics.ts";
import { routeSites } from "../model/routes.ts";
import { report, type Rule } from "./rule.ts";

/** A deadline past the SLO lets requests run longer than users were promised. */
export const deadlineFitsSlo: Rule = {
  code: "deadline-fits-slo",
  severity: "error",
  description: "Each route's overall deadline fits inside the feature's p95 latency SLO.",
  check({ model }) {
    const out: Diagnostic[] = [];
    for (const feature of model.features.values()) {
      const slo = feature.data.slo.p95_latency_ms;
      for (const site of routeSites(feature).filter((s) => !s.inherited)) {
        if (site.route.deadline_ms > slo) {
          out.push(report(this, feature.file, [...site.pointer, "deadline_ms"], `Deadline ${site.route.deadline_ms} ms of the ${site.label} exceeds the SLO of ${slo} ms.`, `Lower deadline_ms to at most ${slo}, or change slo.p95_latency_ms in a reviewed change.`));
        }
      }
    }
    return out;
  },
};
