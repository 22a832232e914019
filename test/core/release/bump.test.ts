import { describe, expect, it } from "vitest";
import type { Bundle } from "../../../tools/core/compile/bundle-types.ts";
import { canonicalJson } from "../../../tools/core/compile/canonical-json.ts";
import { compileBundles } from "../../../tools/core/compile/compile-bundle.ts";
import { renderChangelog } from "../../../tools/core/release/changelog.ts";
import { emptyIndex, releasePath, type Ledger } from "../../../tools/core/release/ledger.ts";
import { planReleases } from "../../../tools/core/release/plan-release.ts";
import type { SourceFile } from "../../../tools/core/parse/parse-yaml.ts";
import { validateSources } from "../../../tools/core/validate.ts";
import { baseSources } from "../../helpers/source-tree.ts";

const CTX = { sourceCommit: null, date: "2026-12-04" };
const E = "experiments/demo.yaml";
const P = "prompts/advice/v1.yaml";

function compile(sources: SourceFile[]) {
  const { model, diagnostics } = validateSources(sources, { today: "2025-01-01" });
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(JSON.stringify(errors, null, 2));
  return compileBundles(model, { sourceCommit: null });
}

/** The ledger after releasing the base fixture as 1.0.0. */
function released(): Ledger {
  const plan = planReleases({ index: emptyIndex(), bundles: new Map() }, compile(baseSources()), CTX);
  const [r] = plan.releases;
  // Round-trip through the file format, as the ledger reads it: key order must not matter.
  const text = canonicalJson(r!.bundle);
  return { index: plan.index, bundles: new Map([[releasePath("demo", "1.0.0"), { bundle: JSON.parse(text) as Bundle, text }]]) };
}

type Edit = (files: Map<string, string>) => void;
const replace = (path: string, from: string, to: string): Edit => (files) => {
  const text = files.get(path)!;
  if (!text.includes(from)) throw new Error(`${path} lacks ${from}`);
  files.set(path, text.replace(from, to));
};
/** Add prompts/advice/v2.yaml as a copy of v1 with edits, and serve it everywhere. */
const newVersion = (...edits: [string, string][]): Edit => (files) => {
  let text = files.get(P)!.replace("version: 1", "version: 2");
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`v1 lacks ${from}`);
    text = text.replace(from, to);
  }
  files.set("prompts/advice/v2.yaml", text);
  files.set(E, files.get(E)!.replaceAll("prompt: advice@1", "prompt: advice@2"));
};

const cases: { name: string; edits: Edit[]; bump: string; line: string; warning?: string }[] = [
  { name: "weight of a running experiment", edits: [replace(E, "weight: 50\n        prompt: advice@1\n      - key: anthropic\n        weight: 50", "weight: 40\n        prompt: advice@1\n      - key: anthropic\n        weight: 60")], bump: "patch", line: "`experiments.demo-provider.variants.openai.weight`: 50 → 40.", warning: "re-assigns 10.0% of users" },
  { name: "seed of a running experiment", edits: [replace(E, "seed: demo-provider-seed", "seed: demo-provider-seed-2")], bump: "patch", line: '`experiments.demo-provider.seed`: "demo-provider-seed" → "demo-provider-seed-2".', warning: "re-assigns 50.0% of users" },
  { name: "experiment status", edits: [replace(E, "status: running", "status: paused")], bump: "patch", line: '`experiments.demo-provider.status`: "running" → "paused".' },
  { name: "per-attempt timeout", edits: [replace(E, "- { model: openai/gpt-4o, timeout_ms: 2500 }", "- { model: openai/gpt-4o, timeout_ms: 2000 }")], bump: "patch", line: "timeout_ms" },
  { name: "pricing data", edits: [replace("providers/openai.yaml", "input_per_mtok: 2.5,", "input_per_mtok: 2.25,")], bump: "patch", line: "`providers.openai.models.gpt-4o.pricing.input_per_mtok`: 2.5 → 2.25." },
  { name: "description", edits: [replace(E, "description: A feature for tests.", "description: A feature for the tests.")], bump: "patch", line: '`description`: "A feature for tests." → "A feature for the tests."' },
  { name: "kill switch", edits: [replace(E, "kill_switch: false", "kill_switch: true")], bump: "patch", line: "`kill_switch`: false → true." },
  { name: "new prompt version in the routes", edits: [newVersion(["temperature: 0.2", "temperature: 0.1"])], bump: "minor", line: "Prompt version `advice@2` is now served." },
  { name: "optional input added", edits: [newVersion(["    skills:\n", "    tone: { type: string, maxLength: 20, description: \"Tone.\" }\n    skills:\n"])], bump: "minor", line: "Optional input `tone` was added." },
  { name: "required input added", edits: [newVersion(["required: [role]", "required: [role, goal]"], ["    skills:\n", "    goal: { type: string, maxLength: 200, description: \"Goal.\" }\n    skills:\n"], ["Role: {{role}}", "Role: {{role}} Goal: {{goal}}"])], bump: "major", line: "Required input `goal` was added: Rails must send it." },
  { name: "input type changed", edits: [newVersion(["skills:\n      type: array\n      maxItems: 10\n      description: Skills.\n      items: { type: string, maxLength: 40, description: \"A skill.\" }", "skills: { type: string, maxLength: 400, description: \"Skills.\" }"], ["{{#skills}}{{.}}, {{/skills}}", "{{skills}}"])], bump: "major", line: "Input `skills` changed type from array to string." },
  { name: "input limit shrank", edits: [newVersion(["role: { type: string, maxLength: 100", "role: { type: string, maxLength: 50"])], bump: "major", line: "Input `role` limit shrank from 100 to 50" },
  { name: "output contract narrowed", edits: [newVersion(["required: [advice]", "required: []"])], bump: "major", line: "Output field `advice` is no longer guaranteed in every response (output contract narrowed)." },
  { name: "output contract widened", edits: [newVersion(["required: [advice]", "required: [advice, why]"], ["      advice: { type: string, minLength: 1 }", "      advice: { type: string, minLength: 1 }\n      why: { type: string }"])], bump: "minor", line: "Output field `why` (string) is now guaranteed in every response (output contract widened)." },
  { name: "new variant", edits: [replace(E, "weight: 50\n        prompt: advice@1\n      - key: anthropic\n        weight: 50", "weight: 40\n        prompt: advice@1\n      - key: third\n        weight: 10\n        prompt: advice@1\n      - key: anthropic\n        weight: 50")], bump: "minor", line: "New variant `third` in experiment `demo-provider`.", warning: "re-assigns 10.0% of users" },
  { name: "variant removed", edits: [replace(E, "      - key: anthropic", "      - key: claude")], bump: "major", line: "Variant `anthropic` of experiment `demo-provider` was removed.", warning: "re-assigns" },
  { name: "new model in a chain", edits: [replace(E, "    - { model: anthropic/claude-3-5-sonnet, timeout_ms: 2500 }\nexperiments", "    - { model: anthropic/claude-3-5-sonnet, timeout_ms: 2500 }\n    - { model: openai/gpt-4, timeout_ms: 2500 }\nexperiments")], bump: "minor", line: "New model `openai/gpt-4`." },
  { name: "experiment removed", edits: [(files) => files.set(E, files.get(E)!.slice(0, files.get(E)!.indexOf("experiments:")) + "experiments: []\n")], bump: "major", line: "Experiment `demo-provider` was removed: its variant keys no longer exist." },
];

describe("version: one scenario per kind of change", () => {
  it("releases an untouched feature as 1.0.0 and then finds nothing to release", () => {
    const ledger = released();
    expect(ledger.index.features.demo!.map((e) => e.version)).toEqual(["1.0.0"]);
    expect(planReleases(ledger, compile(baseSources()), CTX).releases).toEqual([]);
  });

  it.each(cases)("$name → $bump", ({ edits, bump, line, warning }) => {
    const files = new Map(baseSources().map((f) => [f.path, f.text]));
    for (const edit of edits) edit(files);
    const plan = planReleases(released(), compile([...files].map(([path, text]) => ({ path, text }))), CTX);
    const [release] = plan.releases;
    expect(release!.entry.bump).toBe(bump);
    expect(release!.entry.version).toBe({ major: "2.0.0", minor: "1.1.0", patch: "1.0.1" }[bump]);
    const changelog = plan.writes.find((w) => w.path.endsWith("CHANGELOG.md"))!.contents;
    expect(changelog).toContain(`## [${release!.entry.version}] - 2026-12-04`);
    expect(changelog).toContain(line);
    if (warning) expect(release!.entry.warnings.join("\n")).toContain(warning);
    else expect(release!.entry.warnings).toEqual([]);
  });

  it("is major when the bundle format version changes", () => {
    const [fresh] = compile(baseSources());
    const changed = { ...fresh!, bundle: { ...fresh!.bundle, format_version: 2 as unknown as 1, content_hash: "sha256:" + "0".repeat(64) } as Bundle };
    const [release] = planReleases(released(), [changed], CTX).releases;
    expect(release!.entry.bump).toBe("major");
    expect(release!.entry.changes[0]!.message).toContain("Bundle format version changed from 1 to 2");
  });

  it("never reuses a version number, even when the content returns to an earlier release", () => {
    const ledger = released();
    const files = new Map(baseSources().map((f) => [f.path, f.text]));
    replace(E, "kill_switch: false", "kill_switch: true")(files);
    const toggled = planReleases(ledger, compile([...files].map(([path, text]) => ({ path, text }))), CTX);
    const after = { index: toggled.index, bundles: new Map([...ledger.bundles, [releasePath("demo", "1.0.1"), { bundle: toggled.releases[0]!.bundle, text: "" }]]) };
    const reverted = planReleases(after, compile(baseSources()), CTX);
    expect(reverted.releases[0]!.entry.version).toBe("1.0.2");
  });

  it("writes the changelog newest first with the prompt text diff", () => {
    const files = new Map(baseSources().map((f) => [f.path, f.text]));
    newVersion(["Give one piece of career advice", "Give one concrete piece of career advice"])(files);
    const plan = planReleases(released(), compile([...files].map(([path, text]) => ({ path, text }))), CTX);
    const changelog = plan.writes.find((w) => w.path.endsWith("CHANGELOG.md"))!.contents;
    expect(changelog.indexOf("## [1.1.0]")).toBeLessThan(changelog.indexOf("## [1.0.0]"));
    expect(changelog).toContain("<summary>advice@1 → advice@2</summary>");
    expect(changelog).toContain("-Give one piece of career advice");
    expect(changelog).toContain("+Give one concrete piece of career advice");
    const ledger = released();
    expect(renderChangelog("demo", plan.index.features.demo!, (v) => (v === "1.0.0" ? ledger.bundles.get(releasePath("demo", "1.0.0"))!.bundle : plan.releases[0]!.bundle))).toBe(changelog);
  });
});
