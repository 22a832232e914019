import type { Diagnostic, Severity } from "../diagnostics.ts";
import type { ConfigModel } from "../model/load-model.ts";
import type { JsonPointer, ParsedFile, SourceFile } from "../parse/parse-yaml.ts";

export interface RuleContext {
  model: ConfigModel;
  /** Every source file as read, including ones that failed to parse. */
  sources: readonly SourceFile[];
  /** Today's date (YYYY-MM-DD), read by the command, never inside the core. */
  today: string;
}

/** One semantic check, run after the schema; `code` is stable and documented. */
export interface Rule {
  code: string;
  severity: Severity;
  description: string;
  check(ctx: RuleContext): Diagnostic[];
}

/** Build a diagnostic for `rule` at a JSON pointer inside a parsed file. */
export function report(
  rule: Pick<Rule, "code" | "severity">,
  file: ParsedFile,
  pointer: JsonPointer,
  message: string,
  hint: string,
  target: "key" | "value" = "value",
): Diagnostic {
  const at = file.locate(pointer, target);
  return { code: rule.code, severity: rule.severity, file: file.path, line: at.line, column: at.column, message, hint };
}
