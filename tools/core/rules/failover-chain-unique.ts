import type { Diagnostic } from "../diagnostics.ts";
import { routeSites } from "../model/routes.ts";
import { report, type Rule } from "./rule.ts";

/** Retrying the same model belongs in max_retries; a repeat in the chain doubles the bill on outages. */
export const failoverChainUnique: Rule = {
  code: "failover-chain-unique",
  severity: "error",
  description: "A failover chain lists each provider model once.",
  check({ model }) {
    const out: Diagnostic[] = [];
    for (const feature of model.features.values()) {
      for (const site of routeSites(feature).filter((s) => !s.inherited)) {
        const seen = new Set<string>();
        site.route.chain.forEach((attempt, i) => {
          if (seen.has(attempt.model)) {
            out.push(report(this, feature.file, [...site.pointer, "chain", i, "model"], `"${attempt.model}" appears twice in the chain of the ${site.label}.`, "Remove the repeat; use max_retries to retry a model before failing over."));
          }
          seen.add(attempt.model);
        });
      }
    }
    return out;
  },
};
