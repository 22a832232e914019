import { sortDiagnostics, type Diagnostic } from "./diagnostics.ts";
import { loadModel, type ConfigModel } from "./model/load-model.ts";
import type { SourceFile } from "./parse/parse-yaml.ts";
import { RULES } from "./rules/index.ts";

export interface ValidateOptions {
  /** Today's date, YYYY-MM-DD, for lifecycle checks. */
  today: string;
}

export interface ValidationResult {
  model: ConfigModel;
  diagnostics: Diagnostic[];
}

/** Parse, schema-check, then run every semantic rule. Pure: sources in, findings out. */
export function validateSources(sources: readonly SourceFile[], options: ValidateOptions): ValidationResult {
  const { model, diagnostics } = loadModel(sources);
  const ctx = { model, sources, today: options.today };
  for (const rule of RULES) diagnostics.push(...rule.check(ctx));
  return { model, diagnostics: sortDiagnostics(dedupe(diagnostics)) };
}

/** Routes shared by several variants can trip the same rule at the same place once per variant. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
