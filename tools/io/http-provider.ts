import { performance } from "node:perf_hooks";
import type { BundlePrompt, BundleProvider } from "../core/compile/bundle-types.ts";
import type { Message, ModelDef } from "../core/model/types.ts";
import { toProviderPayload } from "../runtime/render/provider-payload.ts";

export interface LiveResponse {
  text: string | null;
  usage: { input_tokens: number; output_tokens: number } | null;
  latencyMs: number;
  errorType: string | null;
  /** The provider's error message, for the user. */
  detail: string | null;
}

/**
 * One real API call (used by `llmcfg record` only; CI never makes one). OpenAI Chat
 * Completions or Anthropic Messages, the key from the environment variable the provider names.
 */
export async function callLive(provider: BundleProvider, model: ModelDef, prompt: BundlePrompt, messages: readonly Message[], apiKey: string, options: { baseUrl?: string; timeoutMs?: number } = {}): Promise<LiveResponse> {
  const body = toProviderPayload(provider.api_style, model.api_model, prompt, messages);
  const base = (options.baseUrl ?? provider.base_url).replace(/\/+$/, "");
  const openai = provider.api_style === "openai-chat-completions";
  const url = openai ? `${base}/chat/completions` : `${base}/messages`;
  const headers: Record<string, string> = openai
    ? { "content-type": "application/json", authorization: `Bearer ${apiKey}` }
    : { "content-type": "application/json", "x-api-key": apiKey, "anthropic-version": "2023-06-01" };
  const started = performance.now();
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", headers, body: JSON.stringify(body), signal: AbortSignal.timeout(options.timeoutMs ?? 60_000) });
  } catch (error) {
    const timeout = (error as Error).name === "TimeoutError";
    return { text: null, usage: null, latencyMs: performance.now() - started, errorType: timeout ? "timeout" : "connection_error", detail: (error as Error).message };
  }
  const latencyMs = performance.now() - started;
  const json = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!response.ok) {
    const err = (json?.error ?? {}) as { message?: string; type?: string; code?: string };
    const spend = err.code === "enforced_spend_limit_reached" || err.type === "insufficient_quota";
    return { text: null, usage: null, latencyMs, errorType: spend ? "spend_limit" : String(response.status), detail: err.message ?? response.statusText };
  }
  if (openai) {
    const choice = (json?.choices as { message?: { content?: string } }[] | undefined)?.[0];
    const usage = json?.usage as { prompt_tokens?: number; completion_tokens?: number } | undefined;
    return { text: choice?.message?.content ?? null, usage: usage ? { input_tokens: usage.prompt_tokens ?? 0, output_tokens: usage.completion_tokens ?? 0 } : null, latencyMs, errorType: null, detail: null };
  }
  const content = (json?.content as { type?: string; text?: string }[] | undefined)?.filter((c) => c.type === "text").map((c) => c.text ?? "").join("") ?? null;
  const usage = json?.usage as { input_tokens?: number; output_tokens?: number } | undefined;
  return { text: content, usage: usage ? { input_tokens: usage.input_tokens ?? 0, output_tokens: usage.output_tokens ?? 0 } : null, latencyMs, errorType: null, detail: null };
}
