import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../tools/core/compile/canonical-json.ts";
import { compileBundles } from "../../tools/core/compile/compile-bundle.ts";
import { contentHash } from "../../tools/core/compile/content-hash.ts";
import type { SourceFile } from "../../tools/core/parse/parse-yaml.ts";
import { validateSources } from "../../tools/core/validate.ts";
import { repoSources } from "../helpers/source-tree.ts";

const build = (sources: SourceFile[], sourceCommit: string | null = null) =>
  compileBundles(validateSources(sources, { today: "2026-12-04" }).model, { sourceCommit }).map((b) => b.json);

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe("compile", () => {
  it("gives byte-identical bundles when built twice and from files read in any order", () => {
    const first = build(repoSources());
    expect(build(repoSources())).toEqual(first);
    for (const seed of [1, 2, 3]) expect(build(shuffled(repoSources(), seed))).toEqual(first);
    expect(build([...repoSources()].reverse())).toEqual(first);
  });

  it("writes canonical JSON: sorted keys, LF, final newline", () => {
    const [json] = build(repoSources());
    expect(json!.endsWith("}\n")).toBe(true);
    expect(json).not.toContain("\r");
    expect(json).toBe(canonicalJson(JSON.parse(json!)));
  });

  it("keeps the content hash when only the source commit changes", () => {
    const a = JSON.parse(build(repoSources(), null)[0]!);
    const b = JSON.parse(build(repoSources(), "0123456789abcdef0123456789abcdef01234567")[0]!);
    expect(b.source_commit).toBe("0123456789abcdef0123456789abcdef01234567");
    expect(b.content_hash).toBe(a.content_hash);
    expect(contentHash(a)).toBe(a.content_hash);
  });

  it("changes the content hash when the content changes", () => {
    const sources = repoSources().map((f) => (f.path.startsWith("experiments/") ? { ...f, text: f.text.replace("kill_switch: false", "kill_switch: true") } : f));
    expect(JSON.parse(build(sources)[0]!).content_hash).not.toBe(JSON.parse(build(repoSources())[0]!).content_hash);
  });

  it("holds only what the feature references, with variant routes resolved", () => {
    const bundle = JSON.parse(build(repoSources())[0]!);
    expect(Object.keys(bundle.prompts)).toEqual(["career_recommendation@1", "career_recommendation@2"]);
    expect(Object.keys(bundle.providers.openai.models).sort()).toEqual(["gpt-4", "gpt-4o"]);
    const v1 = bundle.experiments[1].variants[0];
    expect(v1.route).toEqual({ deadline_ms: bundle.default_route.deadline_ms, chain: bundle.default_route.chain });
    expect(bundle.default_route.chain[0]).toEqual({ provider: "anthropic", model: "claude-3-5-sonnet", timeout_ms: 2900, max_retries: 1 });
  });

  it("sorts keys by code unit, recursively, and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe('{\n  "a": {\n    "d": [\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n');
  });
});
