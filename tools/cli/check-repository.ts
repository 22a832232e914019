import { resolve } from "node:path";
import { applyStrict, hasErrors, sortDiagnostics, type Diagnostic } from "../core/diagnostics.ts";
import type { SourceFile } from "../core/parse/parse-yaml.ts";
import { validateSources, type ValidationResult } from "../core/validate.ts";
import { todayUtc } from "../io/clock.ts";
import { readSources } from "../io/read-sources.ts";

export interface CheckOptions {
  root: string;
  strict: boolean;
  today?: string;
}

export interface CheckedRepository extends ValidationResult {
  root: string;
  sources: SourceFile[];
  today: string;
  failed: boolean;
}

/** Read the repository at the edge, then run the pure validator over what was read. */
export async function checkRepository(options: CheckOptions): Promise<CheckedRepository> {
  const root = resolve(options.root);
  const sources = await readSources(root);
  const today = options.today ?? todayUtc();
  const result = validateSources(sources, { today });
  const diagnostics: Diagnostic[] = sortDiagnostics(applyStrict(result.diagnostics, options.strict));
  return { ...result, diagnostics, root, sources, today, failed: hasErrors(diagnostics) };
}
