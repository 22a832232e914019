import type { Diagnostic } from "../diagnostics.ts";
import { classifyPath } from "../model/classify-path.ts";
import { SCHEMA_FILES } from "../schema/contracts.ts";
import type { Rule } from "./rule.ts";

/** The first line tells editors which schema to validate against while the author types. */
export const yamlSchemaComment: Rule = {
  code: "yaml-schema-comment",
  severity: "warning",
  description: "Each config file starts with a yaml-language-server $schema comment naming its schema.",
  check({ sources }) {
    const out: Diagnostic[] = [];
    for (const source of sources) {
      const kind = classifyPath(source.path);
      if (kind.kind === "unknown") continue;
      const schemaFile = SCHEMA_FILES[kind.kind];
      const depth = source.path.split("/").length - 1;
      const expected = `# yaml-language-server: $schema=${"../".repeat(depth)}${schemaFile}`;
      const first = source.text.split("\n", 1)[0]!.trimEnd();
      if (first !== expected) {
        out.push({
          code: this.code,
          severity: this.severity,
          file: source.path,
          line: 1,
          column: 1,
          message: "The first line does not point editors at this file's schema.",
          hint: `Make the first line: ${expected}`,
        });
      }
    }
    return out;
  },
};
