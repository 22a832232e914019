import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/source-tree.ts";

/** The pure zones: no files, no environment, no clock, no unseeded randomness. */
const PURE = ["tools/core", "tools/runtime", "tools/providers", "tools/eval", "tools/simulation"];
const FORBIDDEN = [/from "node:fs/, /from "node:child_process"/, /\bprocess\./, /\bDate\b/, /Math\.random/];

function files(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith(".ts") ? [full] : [];
  });
}

describe("pure zones", () => {
  it.each(PURE)("%s reads no files, environment, clock or randomness", (zone) => {
    const offenders = files(join(REPO_ROOT, zone)).flatMap((file) => {
      const text = readFileSync(file, "utf8").replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
      return FORBIDDEN.filter((re) => re.test(text)).map((re) => `${relative(REPO_ROOT, file)}: ${re}`);
    });
    expect(offenders).toEqual([]);
  });
});
