import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateExperiment } from "../../tools/runtime/assignment/assign.ts";
import { hash } from "../../tools/runtime/assignment/hash.ts";
import { decideNext, type RetryPolicy } from "../../tools/runtime/failover/decide-next.ts";
import { renderPrompt } from "../../tools/runtime/render/render-prompt.ts";
import { costUsd, roundUsd } from "../../tools/runtime/tokens/cost.ts";
import { REPO_ROOT } from "../helpers/source-tree.ts";

/** The cross-language vectors: the Rails client runs the same files. */
const load = (name: string) => JSON.parse(readFileSync(join(REPO_ROOT, "test/vectors", `${name}.json`), "utf8"));
const assignment = load("assignment");
const rendering = load("rendering");
const cost = load("cost");
const failover = load("failover");

describe.each([assignment, rendering, cost, failover])("vector file", (file) => {
  it("declares a spec version this runner knows", () => expect(file.spec_version).toBe(1));
});

describe("assignment vectors", () => {
  it("include GrowthBook's published hash vectors", () => {
    expect(assignment.hash).toEqual(expect.arrayContaining([["seed", "a", 2, 0.0505], ["foo", "ab", 2, 0.2575], ["", "a", 1, 0.22], ["seed", "a", 3, null]]));
  });
  it.each(assignment.hash as [string, string, number, number | null][])("hash(%j, %j, v%i) = %j", (seed, value, version, expected) => {
    expect(hash(seed, value, version)).toBe(expected);
  });
  it.each(assignment.experiments as { name: string; experiment: Record<string, unknown>; attributes: Record<string, string>; expected: unknown }[])("$name", (row) => {
    const { weights, ...rest } = row.experiment as { weights: [string, number][] };
    const experiment = { id: "exp", ...rest, variants: weights.map(([key, weight]) => ({ key, weight, prompt: "p@1", route: { deadline_ms: 1, chain: [] } })) };
    expect(evaluateExperiment(experiment as never, row.attributes)).toEqual({ experiment: "exp", ...(row.expected as object) });
  });
});

describe("rendering vectors", () => {
  it.each(rendering.rows as { name: string; prompt: Record<string, unknown>; provider: string; inputs: Record<string, unknown>; expected: { messages?: unknown; errors?: unknown } }[])("$name", (row) => {
    const prompt = { id: "p", version: 1, parameters: { temperature: 0, max_output_tokens: 10, response_format: "text" }, output_schema: null, ...row.prompt };
    const result = renderPrompt(prompt as never, row.provider, row.inputs);
    expect(result.ok ? { messages: result.messages } : { errors: result.errors }).toEqual(row.expected);
  });
});

describe("cost vectors", () => {
  it("agree with the reference worked example (350 in, 150 out)", () => {
    const byName = new Map((cost.rows as { name: string; expected_usd: number }[]).map((r) => [r.name, r.expected_usd]));
    expect(byName.get("GPT-4, the brief's 350 in / 150 out")).toBe(0.0195);
    expect(byName.get("Claude 3.5 Sonnet, 350 / 150")).toBe(0.0033);
  });
  it.each(cost.rows as { name: string; pricing: never; input_tokens: number; output_tokens: number; cached_input_tokens: number; expected_usd: number }[])("$name", (row) => {
    expect(roundUsd(costUsd(row.pricing, row.input_tokens, row.output_tokens, row.cached_input_tokens))).toBe(row.expected_usd);
  });
});

describe("failover vectors", () => {
  it.each(failover.rows as { name: string; route: never; attempts: never; open_circuits: string[]; jitter: number; expected: unknown }[])("$name", (row) => {
    const decision = decideNext(row.route, failover.policy as RetryPolicy, row.attempts, (p, m) => row.open_circuits.includes(`${p}/${m}`), row.jitter);
    expect(decision).toEqual(row.expected);
  });
});
