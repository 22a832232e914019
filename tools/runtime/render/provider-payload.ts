import type { BundlePrompt } from "../../core/compile/bundle-types.ts";
import type { ApiStyle, Message } from "../../core/model/types.ts";

/** OpenAI Chat Completions request body. */
export interface OpenAiChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  temperature: number;
  top_p?: number;
  max_tokens: number;
  response_format?: { type: "json_object" };
}

/** Anthropic Messages request body: the system prompt is a top-level field, not a message. */
export interface AnthropicMessagesRequest {
  model: string;
  system?: string;
  messages: { role: "user" | "assistant"; content: string }[];
  temperature: number;
  top_p?: number;
  max_tokens: number;
}

export function toProviderPayload(style: ApiStyle, apiModel: string, prompt: BundlePrompt, messages: readonly Message[]): OpenAiChatRequest | AnthropicMessagesRequest {
  const p = prompt.parameters;
  const sampling = { temperature: p.temperature, ...(p.top_p !== undefined ? { top_p: p.top_p } : {}), max_tokens: p.max_output_tokens };
  if (style === "openai-chat-completions") {
    return { model: apiModel, messages: messages.map((m) => ({ role: m.role, content: m.content })), ...sampling, ...(p.response_format === "json" ? { response_format: { type: "json_object" as const } } : {}) };
  }
  const system = messages.filter((m) => m.role === "system").map((m) => m.content).join("\n\n");
  const rest = messages.filter((m) => m.role !== "system").map((m) => ({ role: m.role as "user" | "assistant", content: m.content }));
  return { model: apiModel, ...(system ? { system } : {}), messages: rest, ...sampling };
}
