import type { AssertionHandler, AssertionType } from "./assertion.ts";
import { contains, notContains } from "./contains.ts";
import { grounding } from "./grounding.ts";
import { latencyWithinSlo } from "./latency-within-slo.ts";
import { maxCost } from "./max-cost.ts";
import { maxInputTokens } from "./max-input-tokens.ts";
import { maxOutputTokens } from "./max-output-tokens.ts";
import { outputContract } from "./output-contract.ts";
import { promptContains } from "./prompt-contains.ts";
import { recommendationCount } from "./recommendation-count.ts";
import { notRegex, regex } from "./regex.ts";

const handlers = new Map<AssertionType, AssertionHandler>();

function register(type: AssertionType, handler: AssertionHandler): void {
  if (handlers.has(type)) throw new Error(`assertion type "${type}" is registered twice`);
  handlers.set(type, handler);
}

register("output-contract", outputContract);
register("recommendation-count", recommendationCount);
register("contains", contains);
register("not-contains", notContains);
register("regex", regex);
register("not-regex", notRegex);
register("grounding", grounding);
register("prompt-contains", promptContains);
register("max-input-tokens", maxInputTokens);
register("max-output-tokens", maxOutputTokens);
register("max-cost", maxCost);
register("latency-within-slo", latencyWithinSlo);

export function assertionHandler(type: AssertionType): AssertionHandler {
  const handler = handlers.get(type);
  if (!handler) throw new Error(`no handler for assertion type "${type}"`);
  return handler;
}

export function registeredTypes(): AssertionType[] {
  return [...handlers.keys()];
}
