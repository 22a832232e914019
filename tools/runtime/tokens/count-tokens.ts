import { countTokens as cl100k } from "gpt-tokenizer/encoding/cl100k_base";
import { countTokens as o200k } from "gpt-tokenizer/encoding/o200k_base";
import type { Message, Tokenizer } from "../../core/model/types.ts";

/** Chat framing per message and for the reply primer, as OpenAI's cookbook counts it. */
const TOKENS_PER_MESSAGE = 3;
const REPLY_PRIMER = 3;
/** Anthropic publishes no tokenizer; ~3.5 characters a token is their rule of thumb for English. */
export const ESTIMATE_CHARS_PER_TOKEN = 3.5;

export interface TokenCount {
  tokens: number;
  /** True when the count is an estimate, not the provider's tokenizer. */
  estimated: boolean;
}

const ENCODERS: Record<Exclude<Tokenizer, "estimate">, (text: string) => number> = { cl100k_base: cl100k, o200k_base: o200k };

/** Input tokens of a rendered chat: exact for OpenAI encodings, an estimate (labelled) otherwise. */
export function countChatTokens(tokenizer: Tokenizer, messages: readonly Message[], exact = true): TokenCount {
  if (tokenizer === "estimate" || !exact) {
    const chars = messages.reduce((n, m) => n + m.content.length, 0);
    return { tokens: Math.ceil(chars / ESTIMATE_CHARS_PER_TOKEN) + TOKENS_PER_MESSAGE * messages.length + REPLY_PRIMER, estimated: true };
  }
  const encode = ENCODERS[tokenizer];
  let tokens = REPLY_PRIMER;
  for (const m of messages) tokens += TOKENS_PER_MESSAGE + encode(m.content);
  return { tokens, estimated: false };
}
