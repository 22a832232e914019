import { describe, expect, it } from "vitest";
import type { Bundle } from "../../tools/core/compile/bundle-types.ts";
import { compileBundles } from "../../tools/core/compile/compile-bundle.ts";
import { validateOutputContract } from "../../tools/core/schema/output-contract.ts";
import { getValidator } from "../../tools/core/schema/validate-against-schema.ts";
import { validateSources } from "../../tools/core/validate.ts";
import type { AttemptRequest, AttemptResponse, Provider } from "../../tools/providers/provider.ts";
import { seededRandom } from "../../tools/runtime/random.ts";
import { Runtime } from "../../tools/runtime/serve.ts";
import { MemorySink, type TelemetryEvent } from "../../tools/runtime/telemetry/events.ts";
import { baseSources } from "../helpers/source-tree.ts";

function bundle(edit: (b: Bundle) => void = () => {}): Bundle {
  const { model } = validateSources(baseSources(), { today: "2025-01-01" });
  const b = structuredClone(compileBundles(model, { sourceCommit: null })[0]!.bundle);
  b.version = "1.2.3";
  edit(b);
  return b;
}

const OK_TEXT = JSON.stringify({ advice: "Learn SQL" });
type Script = Partial<AttemptResponse> & { errorType?: string | null };

/** Answers from a script per "provider/model", in order; the last entry repeats. */
function scripted(script: Record<string, Script[]>, calls: AttemptRequest[] = []): Provider {
  const used = new Map<string, number>();
  return {
    call(req) {
      calls.push(req);
      const key = `${req.provider}/${req.modelId}`;
      const list = script[key] ?? [{}];
      const i = Math.min(used.get(key) ?? 0, list.length - 1);
      used.set(key, (used.get(key) ?? 0) + 1);
      const s = list[i]!;
      const ok = s.errorType === undefined || s.errorType === null;
      return {
        durationMs: 300,
        timeToFirstTokenMs: ok ? 100 : null,
        errorType: null,
        text: ok ? OK_TEXT : null,
        usage: ok ? { input_tokens: req.inputTokens, output_tokens: 20, cache_read_input_tokens: 0 } : null,
        finishReason: ok ? "stop" : null,
        responseId: "r-1",
        responseModel: req.model.api_model,
        ...s,
      };
    },
  };
}

function runtime(provider: Provider, b = bundle(), sink = new MemorySink()) {
  return { rt: new Runtime({ bundle: b, provider, sink, validateOutput: validateOutputContract, random: seededRandom(7) }), sink };
}

const request = (user = "user-42", inputs: Record<string, unknown> = { role: "Nurse", skills: ["Care"] }) => ({ requestId: "req-1", attributes: { user_id: user }, inputs, startMs: 1_800_000_000_000 });

describe("Runtime.serve", () => {
  it("serves the first model, with one attempt event and one request event that trace the bundle", () => {
    const { rt, sink } = runtime(scripted({}));
    const result = rt.serve(request());
    expect(result.outcome).toBe("ok");
    expect(result.output).toEqual({ advice: "Learn SQL" });
    expect(sink.events.map((e) => e["event.name"])).toEqual(["llm.attempt", "llm.request"]);
    const [attempt, req] = sink.events as [TelemetryEvent, TelemetryEvent];
    expect(attempt).toMatchObject({ "llmcfg.bundle.version": "1.2.3", "llmcfg.prompt.id": "advice", "llmcfg.prompt.version": 1, "llmcfg.experiment.id": "demo-provider", "error.type": null, "llmcfg.attempt": 1 });
    expect(req).toMatchObject({ "llmcfg.outcome": "ok", "llmcfg.attempts": 1, "llmcfg.fallback": false, "llmcfg.request.id": "req-1" });
    expect(attempt["llmcfg.cost.usd"]).toBeGreaterThan(0);
  });

  it.each([
    ["529", 3, "ok", ["529", "529", null]],
    ["500", 3, "ok", ["500", "500", null]],
    ["401", 2, "ok", ["401", null]],
    ["invalid_output", 2, "ok", ["invalid_output", null]],
    ["400", 1, "error", ["400"]],
  ] as const)("on %s from the primary: %i attempts, outcome %s", (error, count, outcome, errors) => {
    const b = bundle((x) => (x.experiments = []));
    const primary = `${b.default_route.chain[0]!.provider}/${b.default_route.chain[0]!.model}`;
    const failing: Script = error === "invalid_output" ? { text: "not json" } : { errorType: error, durationMs: 100 };
    const { rt, sink } = runtime(scripted({ [primary]: [failing] }), b);
    const result = rt.serve(request());
    expect(result.outcome).toBe(outcome);
    expect(result.attempts.map((a) => a.errorType)).toEqual(errors);
    expect(sink.events.filter((e) => e["event.name"] === "llm.attempt")).toHaveLength(count);
  });

  it("honours retry-after before retrying", () => {
    const b = bundle((x) => (x.experiments = []));
    const { rt } = runtime(scripted({ "openai/gpt-4o": [{ errorType: "429", durationMs: 50, retryAfterMs: 1500 }, {}] }), b);
    const result = rt.serve(request());
    expect(result.attempts[1]!.startedAtMs - (result.attempts[0]!.startedAtMs + result.attempts[0]!.durationMs)).toBeGreaterThanOrEqual(1500);
  });

  it("cuts a slow call at its timeout and ends inside the deadline", () => {
    const b = bundle((x) => (x.experiments = []));
    const { rt, sink } = runtime(scripted({ "openai/gpt-4o": [{ durationMs: 10_000 }] }), b);
    const result = rt.serve(request());
    expect(result.attempts[0]).toMatchObject({ errorType: "timeout", durationMs: 2500 });
    expect(result.durationMs).toBeLessThanOrEqual(b.default_route.deadline_ms);
    expect(result.outcome).toBe("error");
    expect(sink.events.at(-1)).toMatchObject({ "error.type": "deadline_exceeded", "llmcfg.outcome": "error" });
  });

  it("refuses before calling when the worst case costs more than the ceiling", () => {
    const calls: AttemptRequest[] = [];
    const b = bundle((x) => {
      x.experiments = [];
      x.budget.max_cost_per_request_usd = 0.0000001;
    });
    const { rt, sink } = runtime(scripted({}, calls), b);
    const result = rt.serve(request());
    expect(calls).toEqual([]);
    expect(result.attempts.map((a) => a.errorType)).toEqual(["cost_ceiling", "cost_ceiling"]);
    expect(sink.events.at(-1)).toMatchObject({ "llmcfg.outcome": "error", "error.type": "cost_ceiling" });
  });

  it("returns an input error, never an empty render", () => {
    const calls: AttemptRequest[] = [];
    const { rt, sink } = runtime(scripted({}, calls));
    const result = rt.serve(request("user-42", { skills: ["x"] }));
    expect(result.outcome).toBe("invalid_input");
    expect(result.inputErrors).toEqual([{ path: "role", message: "is required" }]);
    expect(calls).toEqual([]);
    expect(sink.events).toHaveLength(1);
  });

  it("makes no call under the kill switch", () => {
    const calls: AttemptRequest[] = [];
    const { rt, sink } = runtime(scripted({}, calls), bundle((b) => (b.kill_switch = true)));
    expect(rt.serve(request()).outcome).toBe("kill_switch");
    expect(calls).toEqual([]);
    expect(sink.events[0]).toMatchObject({ "llmcfg.assignment.reason": "kill_switch", "llmcfg.outcome": "kill_switch" });
  });

  it("survives a sink that throws", () => {
    const { rt } = runtime(scripted({}), bundle(), { emit: () => { throw new Error("disk full"); } } as never);
    expect(rt.serve(request()).outcome).toBe("ok");
  });

  it("opens the circuit after repeated failures and skips the model until the cooldown", () => {
    const b = bundle((x) => (x.experiments = []));
    const { rt } = runtime(scripted({ "openai/gpt-4o": [{ errorType: "503", durationMs: 50 }] }), b);
    for (let i = 0; i < 6; i++) rt.serve({ ...request(), startMs: 1_800_000_000_000 + i * 1000 });
    expect(rt.breaker("openai", "gpt-4o").status).toBe("open");
    const skipped = rt.serve({ ...request(), startMs: 1_800_000_010_000 });
    expect(skipped.attempts.map((a) => `${a.provider}/${a.model}`)).toEqual(["anthropic/claude-3-5-sonnet"]);
    const trial = rt.serve({ ...request(), startMs: 1_800_000_060_000 });
    expect(trial.attempts[0]!.provider).toBe("openai");
  });

  it("emits events that satisfy schemas/telemetry-event.schema.json, including failures", () => {
    const b = bundle((x) => (x.experiments = []));
    const { rt, sink } = runtime(scripted({ "openai/gpt-4o": [{ errorType: "500", durationMs: 50 }, { durationMs: 9_000 }, {}] }), b);
    rt.serve(request());
    rt.serve({ ...request(), inputs: {} });
    const validate = getValidator("telemetry");
    for (const event of sink.events) expect(validate(event), JSON.stringify(validate.errors)).toBe(true);
  });
});
