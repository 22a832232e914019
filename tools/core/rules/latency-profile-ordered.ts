import type { Diagnostic } from "../diagnostics.ts";
import { report, type Rule } from "./rule.ts";

/** A log-normal fitted to p95 < p50 has a negative spread: the simulator would be nonsense. */
export const latencyProfileOrdered: Rule = {
  code: "latency-profile-ordered",
  severity: "error",
  description: "Each latency distribution has p95 at least its p50.",
  check({ model }) {
    const out: Diagnostic[] = [];
    for (const { data, file } of model.providers.values()) {
      data.models.forEach((m, i) => {
        for (const key of ["time_to_first_token_ms", "time_per_output_token_ms"] as const) {
          const d = m.latency[key];
          if (d.p95 < d.p50) {
            out.push(report(this, file, ["models", i, "latency", key, "p95"], `${m.id}: ${key} has p95 ${d.p95} below p50 ${d.p50}.`, "The 95th percentile of a latency is at least its median; swap or correct the values."));
          }
        }
      });
    }
    return out;
  },
};
