import { canonicalJson } from "../core/compile/canonical-json.ts";
import { sha256Hex } from "../core/compile/content-hash.ts";
import type { Diagnostic } from "../core/diagnostics.ts";
import type { Message } from "../core/model/types.ts";
import type { SourceFile } from "../core/parse/parse-yaml.ts";
import type { AttemptResponse, Provider } from "../providers/provider.ts";

/** A real (or hand-written) response committed next to the eval fixtures, replayed in CI. */
export interface Recording {
  format_version: 1;
  provider: string;
  model: string;
  api_model: string;
  /** recordingKey(api_model, messages): a changed prompt renders differently and misses. */
  key: string;
  prompt: string;
  case: string;
  /** Where the response came from: "recorded with llmcfg record", "imported from ...", "hand-written example". */
  source: string;
  text: string;
  usage: { input_tokens: number; output_tokens: number };
  latency_ms: number;
}

export const RECORDING_PATH = /^prompts\/([^/]+)\/recordings\/([^/]+)\/([^/]+)\/([0-9a-f]{16})\.json$/;

export function recordingKey(apiModel: string, messages: readonly Message[]): string {
  return sha256Hex(canonicalJson({ model: apiModel, messages })).slice(0, 16);
}

export function recordingPath(promptId: string, provider: string, model: string, key: string): string {
  return `prompts/${promptId}/recordings/${provider}/${model}/${key}.json`;
}

/** Every recording among the sources, keyed by api model and key. */
export function loadRecordings(sources: readonly SourceFile[]): { recordings: Map<string, Recording>; diagnostics: Diagnostic[] } {
  const recordings = new Map<string, Recording>();
  const diagnostics: Diagnostic[] = [];
  for (const source of sources) {
    if (!RECORDING_PATH.test(source.path)) continue;
    try {
      const r = JSON.parse(source.text) as Recording;
      if (typeof r.text !== "string" || typeof r.api_model !== "string" || typeof r.key !== "string") throw new Error("needs text, api_model and key");
      recordings.set(`${r.api_model}|${r.key}`, r);
    } catch (error) {
      diagnostics.push({ code: "recording-invalid", severity: "error", file: source.path, line: 1, column: 1, message: `Recording is not valid: ${(error as Error).message}.`, hint: "Re-create it with `llmcfg record`, or delete it." });
    }
  }
  return { recordings, diagnostics };
}

export interface ReplayStats {
  hits: number;
  misses: number;
}

/** Answers from recordings when the rendered prompt matches one, else from `fallback`. */
export function replayProvider(recordings: ReadonlyMap<string, Recording>, fallback: Provider, stats: ReplayStats): Provider {
  return {
    call(req): AttemptResponse {
      const hit = recordings.get(`${req.model.api_model}|${recordingKey(req.model.api_model, req.messages)}`);
      if (!hit) {
        stats.misses++;
        return fallback.call(req);
      }
      stats.hits++;
      return {
        durationMs: hit.latency_ms,
        timeToFirstTokenMs: null,
        errorType: null,
        text: hit.text,
        usage: { input_tokens: hit.usage.input_tokens, output_tokens: hit.usage.output_tokens, cache_read_input_tokens: 0 },
        finishReason: "stop",
        responseId: `replay-${hit.key}`,
        responseModel: hit.api_model,
      };
    },
  };
}
