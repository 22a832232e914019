import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "../../tools/runtime/failover/circuit-breaker.ts";
import { handlingOf } from "../../tools/runtime/failover/error-kinds.ts";
import { toProviderPayload } from "../../tools/runtime/render/provider-payload.ts";
import { countChatTokens } from "../../tools/runtime/tokens/count-tokens.ts";
import { lognormal, seededRandom } from "../../tools/runtime/random.ts";

const messages = [
  { role: "system" as const, content: "You are a career advisor. Answer in JSON." },
  { role: "user" as const, content: "Skills: Python; SQL; 数据分析. Goals: move into data engineering." },
];

describe("token counting", () => {
  it("counts exactly with the model's own encoding, and the encodings differ", () => {
    const gpt4 = countChatTokens("cl100k_base", messages);
    const gpt4o = countChatTokens("o200k_base", messages);
    expect(gpt4.estimated).toBe(false);
    expect(gpt4o.estimated).toBe(false);
    expect(gpt4.tokens).not.toBe(gpt4o.tokens);
    expect(gpt4.tokens).toBeGreaterThan(20);
  });

  it("labels Claude counts as estimates", () => {
    const claude = countChatTokens("estimate", messages);
    expect(claude).toEqual({ tokens: expect.any(Number), estimated: true });
  });
});

describe("provider payloads", () => {
  const prompt = { parameters: { temperature: 0.3, max_output_tokens: 400, response_format: "json" } } as never;
  it("keeps the system message in the OpenAI messages and asks for a JSON object", () => {
    expect(toProviderPayload("openai-chat-completions", "gpt-4o-2024-08-06", prompt, messages)).toEqual({
      model: "gpt-4o-2024-08-06",
      messages,
      temperature: 0.3,
      max_tokens: 400,
      response_format: { type: "json_object" },
    });
  });
  it("moves the system prompt to Anthropic's top-level field", () => {
    expect(toProviderPayload("anthropic-messages", "claude-3-5-sonnet-20241022", prompt, messages)).toEqual({
      model: "claude-3-5-sonnet-20241022",
      system: messages[0]!.content,
      messages: [messages[1]],
      temperature: 0.3,
      max_tokens: 400,
    });
  });
});

describe("error handling table", () => {
  it.each([
    ["timeout", "retry"], ["408", "retry"], ["409", "retry"], ["429", "retry"], ["500", "retry"], ["503", "retry"], ["529", "retry"],
    ["400", "fatal"], ["401", "failover"], ["403", "failover"], ["spend_limit", "failover"], ["invalid_output", "failover"], ["context_window_exceeded", "failover"],
  ])("%s -> %s", (error, handling) => expect(handlingOf(error)).toBe(handling));
});

describe("circuit breaker", () => {
  const policy = { failureRate: 0.5, timeoutRate: 0.9, minCalls: 4, windowMs: 60_000, cooldownMs: 30_000 };
  it("stays closed below the minimum number of calls", () => {
    const b = new CircuitBreaker(policy);
    for (let t = 0; t < 3; t++) b.record(t, "error");
    expect(b.isOpen(10)).toBe(false);
  });
  it("opens at the failure rate, lets one trial through after the cooldown, and closes on success", () => {
    const b = new CircuitBreaker(policy);
    (["ok", "error", "error", "error"] as const).forEach((outcome, t) => b.record(t * 1000, outcome));
    expect(b.isOpen(5_000)).toBe(true);
    expect(b.isOpen(34_000)).toBe(false);
    b.onCall(34_000);
    expect(b.isOpen(34_100)).toBe(true); // the single half-open slot is taken
    b.record(34_500, "ok");
    expect(b.status).toBe("closed");
  });
  it("re-opens when the half-open trial fails", () => {
    const b = new CircuitBreaker(policy);
    for (let t = 0; t < 4; t++) b.record(t, "error");
    b.onCall(40_000);
    b.record(40_100, "error");
    expect(b.status).toBe("open");
    expect(b.isOpen(50_000)).toBe(true);
  });
  it("forgets failures older than the window", () => {
    const b = new CircuitBreaker(policy);
    b.record(0, "error");
    b.record(1, "error");
    b.record(120_000, "error");
    b.record(120_001, "ok");
    b.record(120_002, "ok");
    expect(b.status).toBe("closed");
  });
  it("stays closed for a model that is only slower than the deadline, opens for one that hangs", () => {
    const slow = new CircuitBreaker(policy);
    (["timeout", "ok", "timeout", "ok", "timeout", "ok"] as const).forEach((o, t) => slow.record(t, o));
    expect(slow.status).toBe("closed");
    const hung = new CircuitBreaker(policy);
    for (let t = 0; t < 10; t++) hung.record(t, "timeout");
    expect(hung.status).toBe("open");
  });
});

describe("seeded draws", () => {
  it("reproduce from the seed and match the configured median", () => {
    const a = seededRandom(3);
    const b = seededRandom(3);
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
    const r = seededRandom(11);
    const draws = Array.from({ length: 20_001 }, () => lognormal(r, 880, 1600)).sort((x, y) => x - y);
    expect(draws[10_000]!).toBeGreaterThan(850);
    expect(draws[10_000]!).toBeLessThan(910);
    expect(draws[19_000]!).toBeGreaterThan(1500);
    expect(draws[19_000]!).toBeLessThan(1700);
  });
});
