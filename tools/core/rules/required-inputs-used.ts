import type { Diagnostic } from "../diagnostics.ts";
import { requiredPaths } from "../templates/analyze-template.ts";
import { analyzePrompt } from "../templates/prompt-templates.ts";
import { report, type Rule } from "./rule.ts";

/** Rails must send every required input; one the prompt never reads is a contract bug. */
export const requiredInputsUsed: Rule = {
  code: "required-inputs-used",
  severity: "error",
  description: "Every required input (and required field of a used input) appears in a template.",
  check({ model }) {
    const out: Diagnostic[] = [];
    for (const { data, file } of model.prompts.values()) {
      const analyzed = analyzePrompt(data);
      if (analyzed.some((m) => m.analysis.parseError)) continue;
      const used = new Set(analyzed.flatMap((m) => [...m.analysis.used]));
      const isUsed = (path: string) => used.has(path) || [...used].some((u) => u.startsWith(`${path}.`) || u.startsWith(`${path}[]`));
      for (const path of requiredPaths(data.inputs)) {
        if (isUsed(path)) continue;
        out.push(report(this, file, inputPointer(path), `Required input "${path}" is never used by any message.`, "Use it in a template, or make it optional (remove it from required)."));
      }
    }
    return out;
  },
};

/** "market[].role" -> inputs.properties.market.items.properties.role */
function inputPointer(path: string): (string | number)[] {
  const pointer: string[] = ["inputs"];
  for (const part of path.split(".")) {
    const array = part.endsWith("[]");
    pointer.push("properties", array ? part.slice(0, -2) : part);
    if (array) pointer.push("items");
  }
  return pointer;
}
