import type { Diagnostic } from "../diagnostics.ts";
import { analyzePrompt, templatePosition } from "../templates/prompt-templates.ts";
import type { Rule } from "./rule.ts";

export const templateParses: Rule = {
  code: "template-parses",
  severity: "error",
  description: "Every message is a Mustache template that parses and uses only portable tags.",
  check({ model }) {
    const out: Diagnostic[] = [];
    for (const { data, file } of model.prompts.values()) {
      for (const message of analyzePrompt(data)) {
        const { parseError, unsupported } = message.analysis;
        const at = (offset: number) => templatePosition(file, message.pointer, message.template, offset);
        if (parseError) {
          const pos = at(parseError.offset);
          out.push({ code: this.code, severity: this.severity, file: file.path, ...pos, message: `Template does not parse: ${parseError.message}.`, hint: "Close every {{#section}} with {{/section}} and every {{ with }}." });
        }
        for (const tag of unsupported) {
          const pos = at(tag.offset);
          out.push({ code: this.code, severity: this.severity, file: file.path, ...pos, message: `Unsupported Mustache tag "{{${tag.tag}": partials and delimiter changes do not port to the Rails renderer.`, hint: "Inline the text instead of a partial; keep the default {{ }} delimiters." });
        }
      }
    }
    return out;
  },
};
