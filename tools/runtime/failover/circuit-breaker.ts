export interface BreakerPolicy {
  /** Error rate (5xx, 529, 429, ...) over the window that opens the circuit (resilience4j, opossum: 50 %). */
  failureRate: number;
  /**
   * Timeout rate that opens it. Higher than the error rate: a model that is merely slower than
   * the deadline still answers some calls, while a provider that hangs times out on nearly all
   * (resilience4j keeps slow calls apart from failures in the same way).
   */
  timeoutRate: number;
  /** Fewer calls than this in the window never open it. */
  minCalls: number;
  windowMs: number;
  /** How long it stays open before one half-open trial call. */
  cooldownMs: number;
}

export const DEFAULT_BREAKER_POLICY: BreakerPolicy = { failureRate: 0.5, timeoutRate: 0.9, minCalls: 10, windowMs: 60_000, cooldownMs: 30_000 };

export type CallOutcome = "ok" | "error" | "timeout";

const BUCKETS = 12;

/**
 * One provider model's circuit: closed, open (calls skipped), half-open (one trial call). Only
 * provider errors and timeouts count; an answer that breaks the output contract is the prompt's
 * problem, not the provider's health. The
 * window is a ring of time buckets, so recording is O(1). Time is passed in, never read.
 */
export class CircuitBreaker {
  private state: "closed" | "open" | "half_open" = "closed";
  private openedAt = 0;
  private trialInFlight = false;
  private readonly calls = new Array<number>(BUCKETS).fill(0);
  private readonly failures = new Array<number>(BUCKETS).fill(0);
  private readonly timeouts = new Array<number>(BUCKETS).fill(0);
  private readonly stamps = new Array<number>(BUCKETS).fill(-1);

  constructor(private readonly policy: BreakerPolicy = DEFAULT_BREAKER_POLICY) {}

  /** True when a call at `now` must be skipped. Moves open -> half-open after the cooldown. */
  isOpen(now: number): boolean {
    if (this.state === "open" && now - this.openedAt >= this.policy.cooldownMs) {
      this.state = "half_open";
      this.trialInFlight = false;
    }
    if (this.state === "half_open") return this.trialInFlight;
    return this.state === "open";
  }

  /** Note that a call starts now (the half-open trial takes the only slot). */
  onCall(now: number): void {
    if (this.isOpen(now)) return;
    if (this.state === "half_open") this.trialInFlight = true;
  }

  record(now: number, outcome: CallOutcome): void {
    if (this.state === "half_open") {
      if (outcome === "ok") this.reset();
      else this.trip(now);
      return;
    }
    const slot = this.slot(now);
    this.calls[slot]!++;
    if (outcome === "error") this.failures[slot]!++;
    if (outcome === "timeout") this.timeouts[slot]!++;
    let calls = 0;
    let failures = 0;
    let timeouts = 0;
    const oldest = Math.floor((now - this.policy.windowMs) / this.bucketMs());
    for (let i = 0; i < BUCKETS; i++) {
      if (this.stamps[i]! > oldest) {
        calls += this.calls[i]!;
        failures += this.failures[i]!;
        timeouts += this.timeouts[i]!;
      }
    }
    if (this.state !== "closed" || calls < this.policy.minCalls) return;
    if (failures / calls >= this.policy.failureRate || timeouts / calls >= this.policy.timeoutRate) this.trip(now);
  }

  get status(): "closed" | "open" | "half_open" {
    return this.state;
  }

  private trip(now: number): void {
    this.state = "open";
    this.openedAt = now;
    this.trialInFlight = false;
  }

  private reset(): void {
    this.state = "closed";
    this.calls.fill(0);
    this.failures.fill(0);
    this.timeouts.fill(0);
    this.stamps.fill(-1);
  }

  private bucketMs(): number {
    return this.policy.windowMs / BUCKETS;
  }

  private slot(now: number): number {
    const stamp = Math.floor(now / this.bucketMs());
    const slot = stamp % BUCKETS;
    if (this.stamps[slot] !== stamp) {
      this.stamps[slot] = stamp;
      this.calls[slot] = 0;
      this.failures[slot] = 0;
      this.timeouts[slot] = 0;
    }
    return slot;
  }
}
