import type { BundleRoute } from "../../core/compile/bundle-types.ts";
import { blocksProvider, handlingOf } from "./error-kinds.ts";

export interface RetryPolicy {
  /** First backoff; doubles per retry (OpenAI SDK: 0.5 s). */
  baseBackoffMs: number;
  /** Backoff cap (OpenAI SDK: 8 s). */
  maxBackoffMs: number;
  /** An attempt needs at least this much of the deadline left to be worth starting. */
  minAttemptMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseBackoffMs: 500, maxBackoffMs: 8000, minAttemptMs: 100 };

/** What happened to one attempt, as the failover loop needs to know it. */
export interface AttemptRecord {
  /** Index into the route's chain. */
  entry: number;
  provider: string;
  model: string;
  /** Milliseconds since the request started. */
  startedAtMs: number;
  durationMs: number;
  /** null on success. */
  errorType: string | null;
  /** From a retry-after header, when the provider sent one. */
  retryAfterMs?: number;
}

export type Decision =
  | { action: "attempt"; entry: number; provider: string; model: string; delayMs: number; timeoutMs: number; fallbackReason: string | null; retry: boolean }
  | { action: "give_up"; reason: "deadline_exceeded" | "chain_exhausted" | "non_retryable" };

/**
 * The next step of a request, as a pure function of the route, the policy, the attempts so far
 * and the circuit breakers' verdicts: the same inputs always give the same decision, so Rails
 * can mirror it row for row (test/vectors/failover.json). `jitter` in [0, 1) comes from the
 * caller's seeded source.
 */
export function decideNext(route: BundleRoute, policy: RetryPolicy, attempts: readonly AttemptRecord[], isOpen: (provider: string, model: string) => boolean, jitter: number): Decision {
  const last = attempts[attempts.length - 1];
  const now = last ? last.startedAtMs + last.durationMs : 0;
  if (last && last.errorType === null) throw new Error("decideNext called after a successful attempt");
  if (last && handlingOf(last.errorType!) === "fatal") return { action: "give_up", reason: "non_retryable" };
  const remaining = route.deadline_ms - now;
  const blocked = new Set(attempts.filter((a) => a.errorType !== null && blocksProvider(a.errorType)).map((a) => a.provider));

  if (last && handlingOf(last.errorType!) === "retry") {
    const entry = route.chain[last.entry]!;
    const retries = attempts.filter((a) => a.entry === last.entry).length - 1;
    if (retries < entry.max_retries && !isOpen(entry.provider, entry.model)) {
      const backoff = Math.min(policy.baseBackoffMs * 2 ** retries, policy.maxBackoffMs) * (0.5 + jitter / 2);
      const delayMs = Math.round(last.retryAfterMs !== undefined ? Math.max(last.retryAfterMs, backoff) : backoff);
      const timeoutMs = Math.min(entry.timeout_ms, remaining - delayMs);
      if (timeoutMs >= policy.minAttemptMs) {
        return { action: "attempt", entry: last.entry, provider: entry.provider, model: entry.model, delayMs, timeoutMs, fallbackReason: null, retry: true };
      }
    }
  }
  const start = last ? last.entry + 1 : 0;
  for (let i = start; i < route.chain.length; i++) {
    const entry = route.chain[i]!;
    if (blocked.has(entry.provider) || isOpen(entry.provider, entry.model)) continue;
    const timeoutMs = Math.min(entry.timeout_ms, remaining);
    if (timeoutMs < policy.minAttemptMs) return { action: "give_up", reason: "deadline_exceeded" };
    const skipped = i > start ? "circuit_open" : null;
    return { action: "attempt", entry: i, provider: entry.provider, model: entry.model, delayMs: 0, timeoutMs, fallbackReason: last ? last.errorType : skipped, retry: false };
  }
  return { action: "give_up", reason: remaining < policy.minAttemptMs ? "deadline_exceeded" : "chain_exhausted" };
}
