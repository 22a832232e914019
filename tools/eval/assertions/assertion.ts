import type { AssertionDef, AssertionType } from "../../core/evals/eval-types.ts";
import type { Message } from "../../core/model/types.ts";

/** Everything an assertion may look at for one case on one variant route. */
export interface AssertionContext {
  def: AssertionDef;
  /** Raw response text of the final attempt, or null. */
  text: string | null;
  /** Parsed output when it satisfied the contract, else null. */
  output: unknown;
  /** Why the output failed (not JSON, contract violation, provider error), or null. */
  outputError: string | null;
  /** The rendered messages sent to the model. */
  messages: readonly Message[];
  inputs: Readonly<Record<string, unknown>>;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  latencyMs: number;
  sloP95Ms: number;
}

export interface AssertionResult {
  pass: boolean;
  /** 0 to 1. */
  score: number;
  /** What was expected and what came. */
  reason: string;
}

export type AssertionHandler = (ctx: AssertionContext) => AssertionResult;

export function result(pass: boolean, reason: string, score = pass ? 1 : 0): AssertionResult {
  return { pass, score, reason };
}

export type { AssertionType };
