/**
 * Telemetry events: one flat JSON object per attempt and per request (schemas/
 * telemetry-event.schema.json). OpenTelemetry GenAI attribute names where the spec has one;
 * ours under `llmcfg.`. Flat, so a line loads into a Databricks table as it is.
 */
export const TELEMETRY_SCHEMA_VERSION = 1 as const;

interface Common {
  "event.name": "llm.attempt" | "llm.request";
  "llmcfg.schema_version": typeof TELEMETRY_SCHEMA_VERSION;
  /** Start of the attempt or request, Unix epoch milliseconds. */
  time_unix_ms: number;
  "llmcfg.request.id": string;
  "llmcfg.feature": string;
  "llmcfg.bundle.version": string | null;
  "llmcfg.bundle.content_hash": string;
  "llmcfg.experiment.id": string | null;
  "llmcfg.variant.key": string | null;
  "llmcfg.assignment.reason": string;
  "llmcfg.prompt.id": string | null;
  "llmcfg.prompt.version": number | null;
  "gen_ai.operation.name": "chat";
  /** Milliseconds from start to the last byte (or to the error). */
  duration_ms: number;
  "llmcfg.cost.usd": number;
  /** `error.type` as OpenTelemetry defines it: "timeout", "429", "invalid_output", ... null on success. */
  "error.type": string | null;
}

export interface AttemptEvent extends Common {
  "event.name": "llm.attempt";
  "llmcfg.attempt": number;
  "llmcfg.fallback.reason": string | null;
  "llmcfg.retry": boolean;
  "gen_ai.provider.name": string;
  "gen_ai.request.model": string;
  "gen_ai.response.model": string | null;
  "gen_ai.response.id": string | null;
  "gen_ai.response.finish_reasons": string[] | null;
  "gen_ai.request.temperature": number;
  "gen_ai.request.max_tokens": number;
  "gen_ai.usage.input_tokens": number;
  "gen_ai.usage.output_tokens": number;
  "gen_ai.usage.cache_read.input_tokens": number;
  "llmcfg.usage.input_tokens_estimated": boolean;
  "server.address": string;
  "llmcfg.time_to_first_token_ms": number | null;
  "llmcfg.cache.hit": boolean;
  "llmcfg.output.error": string | null;
}

export interface RequestEvent extends Common {
  "event.name": "llm.request";
  "llmcfg.outcome": "ok" | "error" | "kill_switch" | "invalid_input";
  "llmcfg.attempts": number;
  "llmcfg.fallback": boolean;
  /** Provider and model that produced the output (the last attempt). */
  "gen_ai.provider.name": string | null;
  "gen_ai.request.model": string | null;
  "gen_ai.usage.input_tokens": number;
  "gen_ai.usage.output_tokens": number;
  "llmcfg.cache.hit": boolean;
}

export type TelemetryEvent = AttemptEvent | RequestEvent;

/** Where events go: a JSONL file, an in-memory list, the metrics aggregator. */
export interface TelemetrySink {
  emit(event: TelemetryEvent): void;
}

/**
 * Fan out to several sinks; a sink that throws is counted and skipped, never allowed to fail the
 * request (telemetry must not take production down with it).
 */
export class SafeSink implements TelemetrySink {
  dropped = 0;
  constructor(private readonly sinks: readonly TelemetrySink[]) {}
  emit(event: TelemetryEvent): void {
    for (const sink of this.sinks) {
      try {
        sink.emit(event);
      } catch {
        this.dropped++;
      }
    }
  }
}

export class MemorySink implements TelemetrySink {
  readonly events: TelemetryEvent[] = [];
  emit(event: TelemetryEvent): void {
    this.events.push(event);
  }
}
