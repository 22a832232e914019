/**
 * How the failover loop treats each `error.type`. Retrying helps only when the failure is
 * transient on the provider's side (OpenAI's SDKs retry 408, 409, 429 and 5xx; Anthropic's 529
 * is "overloaded"). Auth, permission and spend-limit failures will not heal on retry, but
 * another provider may serve. A 400 is our own malformed request: no provider will accept it.
 */
export type ErrorHandling = "retry" | "failover" | "fatal";

export function handlingOf(errorType: string): ErrorHandling {
  if (errorType === "timeout" || errorType === "408" || errorType === "409" || errorType === "429" || errorType === "529") return "retry";
  if (/^5\d\d$/.test(errorType)) return "retry";
  if (errorType === "400") return "fatal";
  return "failover";
}

/** A spend limit is per provider account: skip the provider's other models too. */
export function blocksProvider(errorType: string): boolean {
  return errorType === "spend_limit" || errorType === "401" || errorType === "403";
}
