import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES } from "../../tools/core/parse/parse-yaml.ts";
import { PARSE_CODES, RULES } from "../../tools/core/rules/index.ts";
import { validateSources } from "../../tools/core/validate.ts";
import { FIXTURES, baseSources, overlay, readTree } from "../helpers/source-tree.ts";

interface Case {
  name: string;
  code: string;
  severity: "error" | "warning";
  file: string;
  line: number;
  today?: string;
  remove?: string[];
}

const INVALID = join(FIXTURES, "invalid");
const cases: Case[] = readdirSync(INVALID)
  .sort()
  .map((name) => ({ name, ...(JSON.parse(readFileSync(join(INVALID, name, "case.json"), "utf8")) as Omit<Case, "name">) }));

const TODAY = "2025-01-01";

describe("the base fixture", () => {
  it("is clean before any mutation", () => {
    expect(validateSources(baseSources(), { today: TODAY }).diagnostics).toEqual([]);
  });
});

describe("invalid fixtures: one per rule code", () => {
  it.each(cases)("$name reports $code at $file:$line", (c) => {
    const changes = readTree(join(INVALID, c.name), (p) => p === "case.json");
    const { diagnostics } = validateSources(overlay(baseSources(), changes, c.remove), { today: c.today ?? TODAY });
    const hit = diagnostics.find((d) => d.code === c.code);
    expect(hit, JSON.stringify(diagnostics, null, 2)).toBeDefined();
    expect(hit).toMatchObject({ severity: c.severity, file: c.file, line: c.line });
    expect(hit!.column).toBeGreaterThan(0);
    expect(hit!.message.length).toBeGreaterThan(10);
    expect(hit!.hint?.length).toBeGreaterThan(10);
    // One broken thing gives findings of that one kind: no cascade of unrelated errors.
    const otherErrors = diagnostics.filter((d) => d.severity === "error" && d.code !== c.code);
    expect(otherErrors).toEqual([]);
  });

  it("covers every rule and parse code", () => {
    const covered = new Set(cases.map((c) => c.code));
    covered.add("file-too-large"); // generated below: a 256 KiB fixture is not worth committing
    const all = [...Object.keys(PARSE_CODES), ...RULES.map((r) => r.code)];
    expect(all.filter((code) => !covered.has(code))).toEqual([]);
  });

  it("refuses an oversized file without parsing it", () => {
    const big = { path: "prompts/advice/v2.yaml", text: `# ${"x".repeat(MAX_FILE_BYTES)}\n` };
    const { diagnostics } = validateSources(overlay(baseSources(), [big]), { today: TODAY });
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([expect.objectContaining({ code: "file-too-large", file: big.path, line: 1 })]);
  });
});

describe("messages point at the fix", () => {
  it("suggests the closest prompt version and lists what exists", () => {
    const changes = readTree(join(INVALID, "prompt-ref-exists"), (p) => p === "case.json");
    const [d] = validateSources(overlay(baseSources(), changes), { today: TODAY }).diagnostics.filter((x) => x.code === "prompt-ref-exists");
    expect(d!.message).toContain('Did you mean "advice@1"?');
    expect(d!.hint).toContain("Versions of advice: advice@1");
  });

  it("suggests the closest property name for a typo", () => {
    const changes = readTree(join(INVALID, "schema"), (p) => p === "case.json");
    const { diagnostics } = validateSources(overlay(baseSources(), changes), { today: TODAY });
    const d = diagnostics.find((x) => x.message.startsWith("Unknown property"));
    expect(d!.message).toBe('Unknown property "temprature" in parameters.');
    expect(d!.hint).toContain('Did you mean "temperature"?');
  });

  it("suggests the closest allowed value for a misspelt enum", () => {
    const text = baseSources().find((f) => f.path === "prompts/advice/v1.yaml")!.text.replace("response_format: json", "response_format: jsn");
    const [d] = validateSources(overlay(baseSources(), [{ path: "prompts/advice/v1.yaml", text }]), { today: TODAY }).diagnostics;
    expect(d).toMatchObject({ code: "schema", file: "prompts/advice/v1.yaml", line: 21 });
    expect(d!.hint).toContain('Did you mean "json"?');
  });

  it.each([
    ["2026-12-04", "was retired on 2026-10-23"],
    ["2026-08-01", "retires on 2026-10-23, in 83 days"],
    ["2026-05-01", "is deprecated since 2026-04-22"],
  ])("lifecycle on %s says %s", (today, text) => {
    const route = readFileSync(join(FIXTURES, "base", "experiments", "demo.yaml"), "utf8").replace("model: openai/gpt-4o, timeout_ms: 2500 }\n    - { model: anthropic", "model: openai/gpt-4, timeout_ms: 2500 }\n    - { model: anthropic");
    const { diagnostics } = validateSources(overlay(baseSources(), [{ path: "experiments/demo.yaml", text: route }]), { today });
    expect(diagnostics.filter((d) => d.code === "model-lifecycle" && d.message.startsWith("openai/gpt-4 ")).map((d) => d.message).join("\n")).toContain(text);
  });

  it("gives the line and column of an unclosed template section inside a block scalar", () => {
    const changes = readTree(join(INVALID, "template-parses"), (p) => p === "case.json");
    const [d] = validateSources(overlay(baseSources(), changes), { today: TODAY }).diagnostics.filter((x) => x.code === "template-parses");
    expect(d).toMatchObject({ line: 29, column: 15 });
    expect(d!.message).toContain('Unclosed section "skills"');
  });
});
