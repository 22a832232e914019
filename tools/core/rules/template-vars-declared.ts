import type { Diagnostic } from "../diagnostics.ts";
import { analyzePrompt, templatePosition } from "../templates/prompt-templates.ts";
import { didYouMean } from "../did-you-mean.ts";
import type { ObjectField } from "../model/types.ts";
import type { Rule } from "./rule.ts";

/** A variable that is not declared renders as an empty string: silent, so it is an error. */
export const templateVarsDeclared: Rule = {
  code: "template-vars-declared",
  severity: "error",
  description: "Every template variable is a declared input (or a field of one in scope).",
  check({ model }) {
    const out: Diagnostic[] = [];
    for (const { data, file } of model.prompts.values()) {
      const declared = Object.keys(data.inputs.properties);
      const names = inputNames(data.inputs);
      for (const message of analyzePrompt(data)) {
        for (const variable of message.analysis.undeclared) {
          const pos = templatePosition(file, message.pointer, message.template, variable.offset);
          out.push({
            code: this.code,
            severity: this.severity,
            file: file.path,
            ...pos,
            message: `Template variable "${variable.name}" is not a declared input.${didYouMean(variable.name, names)}`,
            hint: `Declare it under inputs.properties, or use one of: ${declared.join(", ")}.`,
          });
        }
      }
    }
    return out;
  },
};

/** Every name a template may use: top-level inputs, dotted object fields, fields of list items. */
function inputNames(field: ObjectField, prefix = "", out: string[] = []): string[] {
  for (const [name, child] of Object.entries(field.properties)) {
    const path = prefix ? `${prefix}.${name}` : name;
    out.push(path);
    if (child.type === "object") inputNames(child, path, out);
    if (child.type === "array" && child.items.type === "object") inputNames(child.items, "", out);
  }
  return out;
}
