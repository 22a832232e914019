import type { Bundle, BundlePrompt } from "../core/compile/bundle-types.ts";
import type { Message, ModelDef } from "../core/model/types.ts";
import type { Provider } from "../providers/provider.ts";
import { assign, type Assignment, type Attributes } from "./assignment/assign.ts";
import { CircuitBreaker, DEFAULT_BREAKER_POLICY, type BreakerPolicy } from "./failover/circuit-breaker.ts";
import { DEFAULT_RETRY_POLICY, decideNext, type AttemptRecord, type RetryPolicy } from "./failover/decide-next.ts";
import { renderPrompt } from "./render/render-prompt.ts";
import type { InputError } from "./render/validate-inputs.ts";
import { attemptEvent, requestEvent, type RequestContext } from "./telemetry/build-events.ts";
import type { AttemptEvent, RequestEvent, TelemetrySink } from "./telemetry/events.ts";
import { costUsd, roundUsd } from "./tokens/cost.ts";
import { countChatTokens, type TokenCount } from "./tokens/count-tokens.ts";

/** Checks a response against the prompt's output contract; returns an error message or null. */
export type OutputValidator = (promptKey: string, schema: Record<string, unknown>, value: unknown) => string | null;

export interface RuntimeOptions {
  bundle: Bundle;
  provider: Provider;
  sink: TelemetrySink;
  validateOutput: OutputValidator;
  /** Seeded source of backoff jitter. */
  random: () => number;
  /** Count OpenAI input tokens exactly (gpt-tokenizer) instead of estimating. Default true. */
  exactTokens?: boolean;
  retryPolicy?: RetryPolicy;
  breakerPolicy?: BreakerPolicy;
  /** Memoise rendering and token counts per inputs object (simulations and evals reuse inputs). */
  memoize?: boolean;
}

export interface ServeRequest {
  requestId: string;
  attributes: Attributes;
  inputs: Readonly<Record<string, unknown>>;
  /** Absolute start time, Unix ms (virtual in simulation). */
  startMs: number;
}

export interface ServeResult {
  outcome: RequestEvent["llmcfg.outcome"];
  assignment: Assignment;
  output: unknown;
  /** The rendered messages of the last attempt (for evals), or null. */
  messages: readonly Message[] | null;
  /** Raw response text of the last attempt that got one, or null. */
  text: string | null;
  errorType: string | null;
  inputErrors: InputError[];
  attempts: AttemptRecord[];
  events: AttemptEvent[];
  durationMs: number;
  costUsd: number;
}

interface Prepared {
  messages: Message[];
  tokens: TokenCount;
}

/**
 * The reference request path Rails mirrors: assign, render, check size and cost up front, call
 * the chain with retries, failover and circuit breakers inside one deadline, validate the
 * output, and emit one event per attempt and one per request. Synchronous over a Provider that
 * reports durations, so simulations run on a virtual clock without sleeping.
 */
export class Runtime {
  private readonly breakers = new Map<string, Map<string, CircuitBreaker>>();
  /** Parsed and checked outputs by response text (memoize only: mocks repeat their answers). */
  private readonly outputs = new Map<string, Map<string, { output: unknown; error: string | null }>>();
  private readonly prepared = new WeakMap<object, Map<string, Prepared | InputError[]>>();
  private readonly policy: RetryPolicy;

  constructor(private readonly options: RuntimeOptions) {
    this.policy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
  }

  breaker(provider: string, model: string): CircuitBreaker {
    let byModel = this.breakers.get(provider);
    if (!byModel) this.breakers.set(provider, (byModel = new Map()));
    let b = byModel.get(model);
    if (!b) byModel.set(model, (b = new CircuitBreaker(this.options.breakerPolicy ?? DEFAULT_BREAKER_POLICY)));
    return b;
  }

  serve(request: ServeRequest): ServeResult {
    const { bundle } = this.options;
    const assignment = assign(bundle, request.attributes);
    const prompt = assignment.prompt === null ? null : bundle.prompts[assignment.prompt]!;
    const ctx: RequestContext = {
      requestId: request.requestId,
      startMs: request.startMs,
      feature: bundle.id,
      bundleVersion: bundle.version ?? null,
      contentHash: bundle.content_hash,
      experiment: assignment.reason === "assigned" ? assignment.experiment : null,
      variant: assignment.variant,
      reason: assignment.reason,
      promptId: prompt?.id ?? null,
      promptVersion: prompt?.version ?? null,
    };
    const result: ServeResult = { outcome: "error", assignment, output: null, messages: null, text: null, errorType: null, inputErrors: [], attempts: [], events: [], durationMs: 0, costUsd: 0 };
    if (assignment.route === null || prompt === null) return this.finish(ctx, { ...result, outcome: "kill_switch", errorType: "kill_switch" });
    const route = assignment.route;
    const attempts = result.attempts;
    for (;;) {
      const now = elapsed(attempts);
      const decision = decideNext(route, this.policy, attempts, (p, m) => this.breaker(p, m).isOpen(request.startMs + now), this.options.random());
      if (decision.action === "give_up") {
        const lastError = attempts[attempts.length - 1]?.errorType ?? "circuit_open";
        return this.finish(ctx, { ...result, errorType: decision.reason === "deadline_exceeded" ? "deadline_exceeded" : lastError, durationMs: now });
      }
      const provider = bundle.providers[decision.provider]!;
      const model = provider.models[decision.model]!;
      const prepared = this.prepare(prompt, assignment.prompt!, decision.provider, model, request.inputs);
      if (Array.isArray(prepared)) return this.finish(ctx, { ...result, outcome: "invalid_input", errorType: "invalid_input", inputErrors: prepared, durationMs: now });
      result.messages = prepared.messages;
      const startedAtMs = now + decision.delayMs;
      const precheck = this.precheck(prepared.tokens.tokens, prompt, model);
      let errorType: string | null = precheck;
      let durationMs = 0;
      let inputTokens = prepared.tokens.tokens;
      let outputTokens = 0;
      let estimated = prepared.tokens.estimated;
      let outputError: string | null = null;
      let response = null;
      if (!precheck) {
        const breaker = this.breaker(decision.provider, decision.model);
        breaker.onCall(request.startMs + startedAtMs);
        response = this.options.provider.call({
          provider: decision.provider,
          apiStyle: provider.api_style,
          modelId: decision.model,
          model,
          promptKey: assignment.prompt!,
          prompt,
          messages: prepared.messages,
          inputs: request.inputs,
          inputTokens,
          timeoutMs: decision.timeoutMs,
          atMs: request.startMs + startedAtMs,
          expectedOutputTokens: bundle.traffic.expected_output_tokens,
        });
        const timedOut = response.durationMs > decision.timeoutMs;
        if (!timedOut && response.text !== null) result.text = response.text;
        durationMs = timedOut ? decision.timeoutMs : response.durationMs;
        errorType = timedOut ? "timeout" : response.errorType;
        if (timedOut) {
          // The provider may finish and bill the call after we gave up: count the expected output.
          outputTokens = bundle.traffic.expected_output_tokens;
          estimated = true;
        } else if (response.usage) {
          inputTokens = response.usage.input_tokens;
          outputTokens = response.usage.output_tokens;
          estimated = false;
        }
        if (errorType === null) {
          const parsed = this.checkOutput(prompt, response.text, assignment.prompt!);
          outputError = parsed.error;
          if (outputError) errorType = "invalid_output";
          else result.output = parsed.output;
        }
        breaker.record(request.startMs + startedAtMs + durationMs, timedOut ? "timeout" : errorType === null || outputError !== null ? "ok" : "error");
      }
      const billed = precheck ? 0 : roundUsd(costUsd(model.pricing, inputTokens, outputTokens, response?.usage?.cache_read_input_tokens ?? 0));
      result.costUsd += billed;
      attempts.push({ entry: decision.entry, provider: decision.provider, model: decision.model, startedAtMs, durationMs, errorType, retryAfterMs: response?.retryAfterMs });
      const event = attemptEvent(ctx, {
        startMs: request.startMs + startedAtMs,
        durationMs,
        costUsd: billed,
        errorType,
        attempt: attempts.length,
        fallbackReason: decision.fallbackReason,
        retry: decision.retry,
        provider: decision.provider,
        requestModel: model.api_model,
        responseModel: response?.responseModel ?? null,
        responseId: response?.responseId ?? null,
        finishReason: errorType === "timeout" ? null : (response?.finishReason ?? null),
        temperature: prompt.parameters.temperature,
        maxTokens: prompt.parameters.max_output_tokens,
        inputTokens: precheck ? 0 : inputTokens,
        outputTokens,
        cacheReadTokens: response?.usage?.cache_read_input_tokens ?? 0,
        tokensEstimated: estimated,
        serverAddress: hostOf(provider.base_url),
        timeToFirstTokenMs: errorType === "timeout" ? null : (response?.timeToFirstTokenMs ?? null),
        outputError,
      });
      result.events.push(event);
      this.emit(event);
      if (errorType === null) return this.finish(ctx, { ...result, outcome: "ok", durationMs: elapsed(attempts) });
    }
  }

  private checkOutput(prompt: BundlePrompt, text: string | null, key: string): { output: unknown; error: string | null } {
    if (!this.options.memoize || text === null) return parseOutput(prompt, text, this.options.validateOutput, key);
    let byText = this.outputs.get(key);
    if (!byText) this.outputs.set(key, (byText = new Map()));
    let checked = byText.get(text);
    if (!checked) {
      if (byText.size >= 10_000) byText.clear();
      byText.set(text, (checked = parseOutput(prompt, text, this.options.validateOutput, key)));
    }
    return checked;
  }

  /** Refuse before calling: the input cannot fit, or the worst case costs more than allowed. */
  private precheck(inputTokens: number, prompt: BundlePrompt, model: ModelDef): string | null {
    if (inputTokens + prompt.parameters.max_output_tokens > model.context_window) return "context_window_exceeded";
    if (costUsd(model.pricing, inputTokens, prompt.parameters.max_output_tokens) > this.options.bundle.budget.max_cost_per_request_usd) return "cost_ceiling";
    return null;
  }

  private prepare(prompt: BundlePrompt, key: string, provider: string, model: ModelDef, inputs: Readonly<Record<string, unknown>>): Prepared | InputError[] {
    const cacheKey = `${key}|${provider}|${model.tokenizer}`;
    let byKey = this.options.memoize ? this.prepared.get(inputs) : undefined;
    const hit = byKey?.get(cacheKey);
    if (hit) return hit;
    const rendered = renderPrompt(prompt, provider, inputs);
    const result = rendered.ok ? { messages: rendered.messages, tokens: countChatTokens(model.tokenizer, rendered.messages, this.options.exactTokens ?? true) } : rendered.errors;
    if (this.options.memoize) {
      if (!byKey) this.prepared.set(inputs, (byKey = new Map()));
      byKey.set(cacheKey, result);
    }
    return result;
  }

  private finish(ctx: RequestContext, result: ServeResult): ServeResult {
    const last = result.events[result.events.length - 1];
    this.emit(
      requestEvent(ctx, {
        durationMs: result.durationMs,
        costUsd: roundUsd(result.costUsd),
        errorType: result.errorType,
        outcome: result.outcome,
        attempts: result.attempts.length,
        fallback: result.attempts.some((a) => a.entry > 0),
        provider: last?.["gen_ai.provider.name"] ?? null,
        requestModel: last?.["gen_ai.request.model"] ?? null,
        inputTokens: last?.["gen_ai.usage.input_tokens"] ?? 0,
        outputTokens: last?.["gen_ai.usage.output_tokens"] ?? 0,
      }),
    );
    return result;
  }

  private emit(event: AttemptEvent | RequestEvent): void {
    try {
      this.options.sink.emit(event);
    } catch {
      // A sink failure never fails a request.
    }
  }
}

function elapsed(attempts: readonly AttemptRecord[]): number {
  const last = attempts[attempts.length - 1];
  return last ? last.startedAtMs + last.durationMs : 0;
}

function parseOutput(prompt: BundlePrompt, text: string | null, validate: OutputValidator, key: string): { output: unknown; error: string | null } {
  if (text === null) return { output: null, error: "empty response" };
  if (prompt.parameters.response_format === "text" || prompt.output_schema === null) return { output: text, error: null };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { output: null, error: "response is not valid JSON" };
  }
  const error = validate(key, prompt.output_schema, value);
  return { output: error ? null : value, error };
}

const hosts = new Map<string, string>();
function hostOf(url: string): string {
  let host = hosts.get(url);
  if (host === undefined) hosts.set(url, (host = /^https?:\/\/([^/:]+)/.exec(url)?.[1] ?? url));
  return host;
}
