import type { Diagnostic } from "../diagnostics.ts";
import { parseYamlFile, type ParsedFile, type SourceFile } from "../parse/parse-yaml.ts";
import { validateAgainstSchema } from "../schema/validate-against-schema.ts";
import { classifyPath, isAuxiliaryPath } from "./classify-path.ts";
import type { FeatureDoc, PromptDoc, ProviderDoc } from "./types.ts";
import type { EvalFile } from "../evals/eval-types.ts";
import { EVALS_FILE } from "../evals/parse-evals.ts";

export interface Located<T> {
  data: T;
  file: ParsedFile;
}

/** Every schema-valid source file, typed and keyed; the input of the rules and the compiler. */
export interface ConfigModel {
  providers: Map<string, Located<ProviderDoc>>;
  /** Keyed by <id>@<version>. */
  prompts: Map<string, Located<PromptDoc>>;
  features: Map<string, Located<FeatureDoc>>;
  /** Eval fixtures keyed by the prompt id of their folder. */
  evals: Map<string, Located<EvalFile>>;
  /** Every file that parsed as YAML, schema-valid or not (for text-level rules). */
  parsed: ParsedFile[];
  /** Files that failed parsing or the schema: rules that need their content skip them. */
  invalidPaths: Set<string>;
}

export function promptKey(id: string, version: number): string {
  return `${id}@${version}`;
}

/** Parse and schema-check every source; keep what is valid. Order of `sources` does not matter. */
export function loadModel(sources: readonly SourceFile[]): { model: ConfigModel; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const model: ConfigModel = { providers: new Map(), prompts: new Map(), features: new Map(), evals: new Map(), parsed: [], invalidPaths: new Set() };
  const sorted = [...sources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const source of sorted) {
    const evalsOf = EVALS_FILE.exec(source.path)?.[1];
    if (evalsOf !== undefined) {
      const result = parseYamlFile(source);
      const problems = result.ok ? validateAgainstSchema("evals", result.file) : result.diagnostics;
      if (problems.length > 0 || !result.ok) {
        diagnostics.push(...problems);
        model.invalidPaths.add(source.path);
      } else {
        model.parsed.push(result.file);
        model.evals.set(evalsOf, { data: result.file.data as EvalFile, file: result.file });
      }
      continue;
    }
    if (isAuxiliaryPath(source.path)) continue;
    const kind = classifyPath(source.path);
    if (kind.kind === "unknown") {
      diagnostics.push({
        code: "file-layout",
        severity: "error",
        file: source.path,
        line: 1,
        column: 1,
        message: `This file is not where any config kind lives, so nothing would read it.`,
        hint: `Move or rename it to ${kind.expected}.`,
      });
      continue;
    }
    const result = parseYamlFile(source);
    if (!result.ok) {
      diagnostics.push(...result.diagnostics);
      model.invalidPaths.add(source.path);
      continue;
    }
    model.parsed.push(result.file);
    const schemaDiagnostics = validateAgainstSchema(kind.kind, result.file);
    if (schemaDiagnostics.length > 0) {
      diagnostics.push(...schemaDiagnostics);
      model.invalidPaths.add(source.path);
      continue;
    }
    const file = result.file;
    if (kind.kind === "provider") {
      const data = file.data as ProviderDoc;
      model.providers.set(kind.id, { data, file });
    } else if (kind.kind === "prompt") {
      const data = file.data as PromptDoc;
      model.prompts.set(promptKey(kind.id, kind.version), { data, file });
    } else {
      const data = file.data as FeatureDoc;
      model.features.set(kind.id, { data, file });
    }
  }
  return { model, diagnostics };
}
