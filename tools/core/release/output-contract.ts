import type { BundlePrompt } from "../compile/bundle-types.ts";
import type { Change } from "./types.ts";

type Schema = Record<string, unknown>;

/**
 * What Rails can rely on in every response of a feature: the paths that every served prompt's
 * output contract requires, with their type. Rails is the consumer, so losing a guarantee
 * breaks it (narrowed) and gaining one is safe (widened).
 */
export function outputGuarantees(prompts: Record<string, BundlePrompt>): Map<string, string> | null {
  const contracts = Object.keys(prompts)
    .sort()
    .map((k) => prompts[k]!.output_schema)
    .filter((s): s is Schema => s !== null);
  if (contracts.length === 0) return null;
  const sets = contracts.map((schema) => {
    const out = new Map<string, string>();
    collect(schema, "", out);
    return out;
  });
  const [first, ...rest] = sets;
  const common = new Map<string, string>();
  for (const [path, type] of first!) if (rest.every((s) => s.get(path) === type)) common.set(path, type);
  return common;
}

function collect(schema: Schema, path: string, out: Map<string, string>): void {
  const type = typeof schema.type === "string" ? schema.type : Array.isArray(schema.type) ? (schema.type as string[]).join("|") : "any";
  out.set(path || "$", type + (Array.isArray(schema.enum) ? `{${(schema.enum as unknown[]).map(String).sort().join(",")}}` : ""));
  if (type === "object" && schema.properties && typeof schema.properties === "object") {
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    for (const [name, child] of Object.entries(schema.properties as Record<string, Schema>)) {
      if (required.has(name)) collect(child, path ? `${path}.${name}` : name, out);
    }
  }
  if (type === "array" && schema.items && typeof schema.items === "object") collect(schema.items as Schema, `${path}[]`, out);
}

export function diffOutputs(before: Map<string, string> | null, after: Map<string, string> | null): Change[] {
  if (before === null && after === null) return [];
  if (before === null) return [{ level: "minor", message: "Responses now have a structured output contract." }];
  if (after === null) return [{ level: "major", message: "Responses no longer have a structured output contract." }];
  const changes: Change[] = [];
  for (const [path, type] of before) {
    const now = after.get(path);
    if (now === undefined) changes.push({ level: "major", message: `Output field \`${path}\` is no longer guaranteed in every response (output contract narrowed).` });
    else if (now !== type) changes.push({ level: "major", message: `Output field \`${path}\` changed from ${type} to ${now} (output contract narrowed).` });
  }
  for (const [path, type] of after) {
    if (!before.has(path)) changes.push({ level: "minor", message: `Output field \`${path}\` (${type}) is now guaranteed in every response (output contract widened).` });
  }
  return changes;
}
