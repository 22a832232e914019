import { describe, expect, it } from "vitest";
import type { AssertionDef } from "../../tools/core/evals/eval-types.ts";
import type { AssertionContext } from "../../tools/eval/assertions/assertion.ts";
import { assertionHandler, registeredTypes } from "../../tools/eval/assertions/registry.ts";
import evalsSchema from "../../schemas/evals.schema.json" with { type: "json" };

const output = {
  recommendations: [
    { role: "Platform Engineer", rationale: "Your AWS skills and very high demand.", skill_gaps: [], next_steps: ["x"], confidence: 0.8 },
    { role: "Staff Engineer", rationale: "Mentoring fits the staff track.", skill_gaps: [], next_steps: ["x"], confidence: 0.7 },
    { role: "Astronaut", rationale: "Because space is cool.", skill_gaps: [], next_steps: ["x"], confidence: 0.1 },
  ],
};
const base: Omit<AssertionContext, "def"> = {
  text: JSON.stringify(output),
  output,
  outputError: null,
  messages: [{ role: "user", content: "Role: Backend Engineer\nSkills: AWS; Mentoring" }],
  inputs: { profile: { skills: ["AWS", "Mentoring"] } },
  inputTokens: 400,
  outputTokens: 150,
  costUsd: 0.004,
  latencyMs: 2400,
  sloP95Ms: 3000,
};

type Row = [string, AssertionDef, Partial<AssertionContext>, boolean, string];
const rows: Row[] = [
  ["output-contract passes on a valid output", { type: "output-contract" }, {}, true, "satisfies"],
  ["output-contract fails with the reason", { type: "output-contract" }, { outputError: "response is not valid JSON" }, false, "response is not valid JSON"],
  ["recommendation-count in range", { type: "recommendation-count", min: 3, max: 5 }, {}, true, "got 3"],
  ["recommendation-count out of range", { type: "recommendation-count", min: 4, max: 5 }, {}, false, "expected 4-5 recommendations, got 3"],
  ["contains", { type: "contains", value: "Platform Engineer" }, {}, true, "contains"],
  ["contains missing", { type: "contains", value: "Data Scientist" }, {}, false, 'expected the response to contain "Data Scientist"'],
  ["not-contains", { type: "not-contains", value: "PWNED" }, {}, true, 'no "PWNED"'],
  ["not-contains present", { type: "not-contains", value: "Astronaut" }, {}, false, 'expected no "Astronaut"'],
  ["regex", { type: "regex", pattern: '"confidence":0\\.\\d' }, {}, true, "matches"],
  ["regex missing", { type: "regex", pattern: "^PWNED" }, {}, false, "expected a match for /^PWNED/"],
  ["not-regex", { type: "not-regex", pattern: "system prompt" }, {}, true, "does not match"],
  ["not-regex present", { type: "not-regex", pattern: "Astro\\w+" }, {}, false, 'found "Astronaut"'],
  ["grounding at its share", { type: "grounding", min_share: 0.6 }, {}, true, "got 2 of 3"],
  ["grounding below its share", { type: "grounding" }, {}, false, "expected at least 100% of rationales to cite the inputs, got 2 of 3"],
  ["prompt-contains", { type: "prompt-contains", values: ["Backend Engineer", "AWS"] }, {}, true, "all 2 facts"],
  ["prompt-contains missing", { type: "prompt-contains", values: ["Berlin"] }, {}, false, '"Berlin"'],
  ["max-input-tokens", { type: "max-input-tokens", tokens: 500 }, {}, true, "got 400"],
  ["max-input-tokens over", { type: "max-input-tokens", tokens: 300 }, {}, false, "expected at most 300 input tokens, got 400"],
  ["max-output-tokens", { type: "max-output-tokens", tokens: 150 }, {}, true, "got 150"],
  ["max-output-tokens over", { type: "max-output-tokens", tokens: 100 }, {}, false, "got 150"],
  ["max-cost", { type: "max-cost", usd: 0.01 }, {}, true, "$0.00400"],
  ["max-cost over", { type: "max-cost", usd: 0.001 }, {}, false, "expected at most $0.001 a request, got $0.00400"],
  ["latency-within-slo", { type: "latency-within-slo" }, {}, true, "got 2400 ms"],
  ["latency-within-slo over", { type: "latency-within-slo" }, { latencyMs: 4100 }, false, "expected at most 3000 ms (the SLO p95), got 4100 ms"],
];

describe("assertions", () => {
  it.each(rows)("%s", (_name, def, over, pass, reason) => {
    const result = assertionHandler(def.type)({ ...base, ...over, def });
    expect(result.pass).toBe(pass);
    expect(result.reason).toContain(reason);
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.score).toBeLessThanOrEqual(1);
  });

  it("has exactly one handler for every kind the schema allows, each tested passing and failing", () => {
    const kinds = evalsSchema.$defs.assertion.properties.type.enum;
    expect(registeredTypes().sort()).toEqual([...kinds].sort());
    for (const kind of kinds) {
      const mine = rows.filter((r) => r[1].type === kind);
      expect(mine.some((r) => r[3]), `${kind} passing`).toBe(true);
      expect(mine.some((r) => !r[3]), `${kind} failing`).toBe(true);
    }
  });
});
