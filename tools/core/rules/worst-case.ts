import { worstCaseChars } from "../templates/prompt-templates.ts";
import type { PromptDoc } from "../model/types.ts";

/**
 * Design-time bound on input tokens before any request exists. English averages ~4 characters
 * a token; 3 leaves room for numbers, names and most non-English text. The runtime counts the
 * real prompt before each call, so this bound only has to catch configs that cannot fit.
 */
export const WORST_CASE_CHARS_PER_TOKEN = 3;
/** Per-message framing tokens in chat formats (role markers and separators). */
export const TOKENS_PER_MESSAGE = 4;

export function worstCaseInputTokens(prompt: PromptDoc, provider: string): number {
  const messages = prompt.overrides?.[provider]?.messages ?? prompt.messages;
  return Math.ceil(worstCaseChars(prompt, provider) / WORST_CASE_CHARS_PER_TOKEN) + TOKENS_PER_MESSAGE * messages.length;
}
