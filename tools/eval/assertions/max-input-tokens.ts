import { result, type AssertionHandler } from "./assertion.ts";

/** Input tokens of the call (exact for OpenAI models, the labelled estimate for Claude). */
export const maxInputTokens: AssertionHandler = ({ def, inputTokens }) =>
  result(inputTokens <= def.tokens!, `expected at most ${def.tokens} input tokens, got ${inputTokens}`);
