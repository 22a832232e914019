/**
 * A value that satisfies a JSON Schema (the subset output contracts use), drawn with a seeded
 * source. Strings are made of words from `vocabulary` (the request's own inputs), so synthetic
 * answers read as grounded and grounding checks can pass or fail for real reasons.
 */
type Schema = Record<string, unknown>;

export function syntheticValue(schema: Schema, random: () => number, vocabulary: readonly string[]): unknown {
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[Math.floor(random() * schema.enum.length)];
  const type = Array.isArray(schema.type) ? (schema.type[0] as string) : (schema.type as string | undefined);
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      const required = new Set((schema.required as string[] | undefined) ?? []);
      for (const [name, child] of Object.entries(props)) {
        if (required.has(name) || random() < 0.5) out[name] = syntheticValue(child, random, vocabulary);
      }
      return out;
    }
    case "array": {
      const min = (schema.minItems as number | undefined) ?? 0;
      const max = Math.max(min, Math.min((schema.maxItems as number | undefined) ?? min + 3, min + 3));
      const n = min + Math.floor(random() * (max - min + 1));
      return Array.from({ length: n }, () => syntheticValue((schema.items ?? {}) as Schema, random, vocabulary));
    }
    case "number":
    case "integer": {
      const lo = (schema.minimum as number | undefined) ?? 0;
      const hi = (schema.maximum as number | undefined) ?? lo + 100;
      const v = lo + random() * (hi - lo);
      return type === "integer" ? Math.floor(v) : Math.round(v * 100) / 100;
    }
    case "boolean":
      return random() < 0.5;
    case "null":
      return null;
    default:
      return sentence(schema, random, vocabulary);
  }
}

function sentence(schema: Schema, random: () => number, vocabulary: readonly string[]): string {
  const min = Math.max(1, (schema.minLength as number | undefined) ?? 1);
  const max = (schema.maxLength as number | undefined) ?? 160;
  const words = vocabulary.length > 0 ? vocabulary : ["career", "skills", "growth", "role"];
  let text = "";
  while (text.length < Math.min(max, 60) || text.length < min) {
    const word = words[Math.floor(random() * words.length)]!;
    const next = text ? `${text} ${word}` : word;
    if (next.length > max) break;
    text = next;
  }
  while (text.length < min) text += "x";
  return text.slice(0, max);
}

/** Words worth quoting back: the string values found in the request inputs. */
export function vocabularyOf(inputs: unknown, out: string[] = []): string[] {
  if (typeof inputs === "string") {
    if (inputs.length > 0 && inputs.length <= 60) out.push(inputs);
  } else if (Array.isArray(inputs)) inputs.forEach((v) => vocabularyOf(v, out));
  else if (inputs && typeof inputs === "object") Object.values(inputs).forEach((v) => vocabularyOf(v, out));
  return out;
}
