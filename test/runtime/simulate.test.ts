import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileBundles } from "../../tools/core/compile/compile-bundle.ts";
import { evalFilesOf, featureInputs } from "../../tools/core/evals/parse-evals.ts";
import { validateOutputContract } from "../../tools/core/schema/output-contract.ts";
import { validateSources } from "../../tools/core/validate.ts";
import { MemorySink } from "../../tools/runtime/telemetry/events.ts";
import { buildReport } from "../../tools/simulation/report.ts";
import { parseScenarios } from "../../tools/simulation/scenarios.ts";
import { simulate } from "../../tools/simulation/simulate.ts";
import { REPO_ROOT, repoSources } from "../helpers/source-tree.ts";

const sources = repoSources();
const { model } = validateSources(sources, { today: "2026-12-04" });
const bundle = compileBundles(model, { sourceCommit: null })[0]!.bundle;
const inputs = featureInputs(bundle, evalFilesOf(model));
const { scenarios, diagnostics } = parseScenarios(readFileSync(join(REPO_ROOT, "simulation/scenarios.yaml"), "utf8"));
const scenario = (id: string) => scenarios.find((s) => s.id === id)!;

function run(id: string, seed = 1, perDay = 2000, days = 3, telemetry?: MemorySink) {
  const result = simulate({ bundle, scenario: scenario(id), days, perDay, seed, inputs, validateOutput: validateOutputContract, epochMs: 0, telemetry });
  return buildReport(bundle, result, { scenario: id, days, perDay, seed });
}

describe("simulate", () => {
  it("reads the scenarios file: normal, an outage, rate limiting, a latency spike", () => {
    expect(diagnostics).toEqual([]);
    expect(scenarios.map((s) => s.id)).toEqual(["normal", "primary-outage", "rate-limited", "latency-spike"]);
  });

  it("is deterministic for a seed and changes with it", () => {
    expect(run("normal", 5)).toEqual(run("normal", 5));
    expect(run("normal", 6).total.costUsd).not.toBe(run("normal", 5).total.costUsd);
  });

  it("loses no request in a two-hour primary outage, and the outage shows up as fallbacks", () => {
    const sink = new MemorySink();
    const outage = run("primary-outage", 1, 2000, 3, sink);
    expect(outage.lost).toBe(0);
    const requests = sink.events.filter((e) => e["event.name"] === "llm.request");
    expect(requests).toHaveLength(6000);
    const inWindow = sink.events.filter((e) => e["event.name"] === "llm.attempt" && e["gen_ai.provider.name"] === "anthropic" && e.time_unix_ms >= 2160 * 60_000 && e.time_unix_ms < 2280 * 60_000);
    expect(inWindow.length).toBeGreaterThan(0);
    expect(inWindow.every((e) => e["error.type"] === "529" || e["error.type"] === "timeout")).toBe(true);
  });

  it("shows GPT-4 missing the SLO and costing more per request than Claude", () => {
    const normal = run("normal");
    const gpt4 = normal.models.find((m) => m.variant === "gpt4" && m.provider === "openai")!;
    expect(gpt4.p50Ms).toBeGreaterThanOrEqual(2800);
    const perRequest = (provider: string) => {
      const rows = normal.models.filter((m) => m.provider === provider && m.okRate > 0);
      return rows.reduce((s, m) => s + m.costUsd, 0) / rows.reduce((s, m) => s + m.requests, 0);
    };
    expect(perRequest("anthropic")).toBeGreaterThan(0);
    expect(normal.variants.map((v) => v.variant).sort()).toEqual(["claude", "gpt4"]);
  });

  it("rate limiting adds retries, so more attempts than requests", () => {
    const limited = run("rate-limited");
    const attempts = limited.models.reduce((n, m) => n + m.requests, 0);
    expect(limited.models.some((m) => (m.errorsByType["429"] ?? 0) > 0)).toBe(true);
    expect(attempts).toBeGreaterThan(limited.requests);
  });
});
