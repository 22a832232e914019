import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { SourceFile } from "../../tools/core/parse/parse-yaml.ts";

export const FIXTURES = join(import.meta.dirname, "..", "fixtures");
export const REPO_ROOT = join(import.meta.dirname, "..", "..");

/** Every file under `dir` as a SourceFile with a forward-slash path relative to `dir`. */
export function readTree(dir: string, skip: (path: string) => boolean = () => false): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      const path = relative(dir, full).split(sep).join("/");
      if (skip(path)) continue;
      if (statSync(full).isDirectory()) walk(full);
      else out.push({ path, text: readFileSync(full, "utf8") });
    }
  };
  walk(dir);
  return out;
}

/** The base fixture repository with some files replaced or added, and some removed. */
export function overlay(base: SourceFile[], changes: SourceFile[], remove: string[] = []): SourceFile[] {
  const byPath = new Map(base.filter((f) => !remove.includes(f.path)).map((f) => [f.path, f]));
  for (const change of changes) byPath.set(change.path, change);
  return [...byPath.values()];
}

export function baseSources(): SourceFile[] {
  return readTree(join(FIXTURES, "base"));
}

/** The repository's own config sources (providers, prompts, experiments). */
export function repoSources(): SourceFile[] {
  return ["providers", "prompts", "experiments"].flatMap((dir) =>
    readTree(join(REPO_ROOT, dir)).map((f) => ({ ...f, path: `${dir}/${f.path}` })),
  );
}
