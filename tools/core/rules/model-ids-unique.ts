import type { Diagnostic } from "../diagnostics.ts";
import { report, type Rule } from "./rule.ts";

export const modelIdsUnique: Rule = {
  code: "model-ids-unique",
  severity: "error",
  description: "Model ids are unique within a provider file.",
  check({ model }) {
    const out: Diagnostic[] = [];
    for (const { data, file } of model.providers.values()) {
      const seen = new Set<string>();
      data.models.forEach((m, i) => {
        if (seen.has(m.id)) out.push(report(this, file, ["models", i, "id"], `Model id "${m.id}" is defined twice in ${data.id}.`, "Remove the duplicate or give it another id."));
        seen.add(m.id);
      });
    }
    return out;
  },
};
