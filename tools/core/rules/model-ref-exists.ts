import type { Diagnostic } from "../diagnostics.ts";
import type { ConfigModel } from "../model/load-model.ts";
import { routeSites, splitModelRef } from "../model/routes.ts";
import type { ModelDef } from "../model/types.ts";
import { didYouMean } from "../did-you-mean.ts";
import { report, type Rule } from "./rule.ts";

export function findModel(model: ConfigModel, ref: string): ModelDef | undefined {
  const { provider, model: id } = splitModelRef(ref);
  return model.providers.get(provider)?.data.models.find((m) => m.id === id);
}

export function allModelRefs(model: ConfigModel): string[] {
  return [...model.providers.values()].flatMap(({ data }) => data.models.map((m) => `${data.id}/${m.id}`)).sort();
}

export const modelRefExists: Rule = {
  code: "model-ref-exists",
  severity: "error",
  description: "Every provider/model in a failover chain is defined under providers/.",
  check({ model }) {
    const out: Diagnostic[] = [];
    const known = allModelRefs(model);
    for (const feature of model.features.values()) {
      for (const site of routeSites(feature)) {
        if (site.inherited) continue;
        site.route.chain.forEach((attempt, i) => {
          if (findModel(model, attempt.model)) return;
          const { provider } = splitModelRef(attempt.model);
          if (model.invalidPaths.has(`providers/${provider}.yaml`)) return;
          const hint = model.providers.has(provider)
            ? `Models of ${provider}: ${known.filter((k) => k.startsWith(`${provider}/`)).join(", ")}; or add it to providers/${provider}.yaml.`
            : `Defined providers: ${[...model.providers.keys()].sort().join(", ") || "none"}; or add providers/${provider}.yaml.`;
          out.push(report(this, feature.file, [...site.pointer, "chain", i, "model"], `Model "${attempt.model}" (${site.label}) is not defined.${didYouMean(attempt.model, known)}`, hint));
        });
      }
    }
    return out;
  },
};
