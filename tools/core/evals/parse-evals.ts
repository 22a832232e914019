import type { Diagnostic } from "../diagnostics.ts";
import { parseYamlFile, type ParsedFile, type SourceFile } from "../parse/parse-yaml.ts";
import { validateAgainstSchema } from "../schema/validate-against-schema.ts";
import type { EvalFile } from "./eval-types.ts";

export const EVALS_FILE = /^prompts\/([^/]+)\/evals\.yaml$/;

export interface LoadedEvals {
  file: ParsedFile;
  evals: EvalFile;
}

/** Every prompts/<id>/evals.yaml among the sources, parsed and schema-checked. */
export function parseEvalFiles(sources: readonly SourceFile[]): { evals: Map<string, LoadedEvals>; diagnostics: Diagnostic[] } {
  const evals = new Map<string, LoadedEvals>();
  const diagnostics: Diagnostic[] = [];
  for (const source of [...sources].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const m = EVALS_FILE.exec(source.path);
    if (!m) continue;
    const parsed = parseYamlFile(source);
    if (!parsed.ok) {
      diagnostics.push(...parsed.diagnostics);
      continue;
    }
    const schema = validateAgainstSchema("evals", parsed.file);
    if (schema.length > 0) {
      diagnostics.push(...schema);
      continue;
    }
    evals.set(m[1]!, { file: parsed.file, evals: parsed.file.data as EvalFile });
  }
  return { evals, diagnostics };
}

/** Inputs of every case that applies to a prompt version, in file order. */
export function caseInputs(file: EvalFile | undefined, version: number): Record<string, unknown>[] {
  return (file?.cases ?? []).filter((c) => !c.versions || c.versions.includes(version)).map((c) => c.inputs);
}
