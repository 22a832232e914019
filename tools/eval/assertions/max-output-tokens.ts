import { result, type AssertionHandler } from "./assertion.ts";

/** Output tokens the provider reported. */
export const maxOutputTokens: AssertionHandler = ({ def, outputTokens }) =>
  result(outputTokens <= def.tokens!, `expected at most ${def.tokens} output tokens, got ${outputTokens}`);
