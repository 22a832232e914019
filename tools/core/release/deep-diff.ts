import { canonicalJson } from "../compile/canonical-json.ts";

/** One difference between two JSON values, at a readable path. */
export interface DiffEntry {
  /** Path segments; array items of objects with an `id` or `key` are named by it. */
  path: string[];
  kind: "added" | "removed" | "changed";
  before?: unknown;
  after?: unknown;
}

/**
 * Structural diff of two JSON values. Arrays of objects that carry `id` or `key` are matched
 * by it (so reordering or inserting a variant reads as what it is); other arrays compare whole.
 */
export function deepDiff(before: unknown, after: unknown, path: string[] = []): DiffEntry[] {
  if (isObject(before) && isObject(after)) {
    const out: DiffEntry[] = [];
    for (const key of union(Object.keys(before), Object.keys(after))) {
      if (!(key in after)) out.push({ path: [...path, key], kind: "removed", before: before[key] });
      else if (!(key in before)) out.push({ path: [...path, key], kind: "added", after: after[key] });
      else out.push(...deepDiff(before[key], after[key], [...path, key]));
    }
    return out;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length + after.length > 0 && keyed(before) && keyed(after)) {
    return deepDiff(byKey(before), byKey(after), path);
  }
  // Same-length lists of objects (a failover chain) compare position by position.
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length && before.some(isObject)) {
    return before.flatMap((item, i) => deepDiff(item, after[i], [...path, `[${i}]`]));
  }
  // Canonical form: a value parsed from a release file and a freshly compiled one order keys differently.
  return canonicalJson(before) === canonicalJson(after) ? [] : [{ path, kind: "changed", before, after }];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function keyOf(v: unknown): string | undefined {
  if (!isObject(v)) return undefined;
  const k = v.id ?? v.key;
  return typeof k === "string" ? k : undefined;
}

function keyed(items: unknown[]): boolean {
  return items.every((i) => keyOf(i) !== undefined) && new Set(items.map(keyOf)).size === items.length;
}

function byKey(items: unknown[]): Record<string, unknown> {
  return Object.fromEntries(items.map((i) => [keyOf(i)!, i]));
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}
