/** What can go wrong with a provider in a simulation or an eval, scripted. */
export type FaultError = "429" | "500" | "503" | "529" | "timeout" | "spend_limit" | "malformed_json" | "refusal" | "invalid_output";

interface Target {
  /** Provider id; absent means every provider. */
  provider?: string;
  /** Model id; absent means every model of the provider. */
  model?: string;
}

interface Window {
  /** Minutes after the start of the run. */
  start_minute?: number;
  duration_minutes?: number;
}

export type Fault =
  | (Target & Window & { kind: "outage"; error: FaultError; start_minute: number; duration_minutes: number })
  | (Target & Window & { kind: "error_rate"; error: FaultError; rate: number; retry_after_ms?: number })
  | (Target & Window & { kind: "latency"; multiplier: number });

export function applies(fault: Fault, provider: string, model: string, atMs: number): boolean {
  if (fault.provider !== undefined && fault.provider !== provider) return false;
  if (fault.model !== undefined && fault.model !== model) return false;
  if (fault.start_minute === undefined) return true;
  const start = fault.start_minute * 60_000;
  const end = start + (fault.duration_minutes ?? Infinity) * 60_000;
  return atMs >= start && atMs < end;
}
