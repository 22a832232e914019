import type { BundlePrompt } from "../core/compile/bundle-types.ts";
import type { ApiStyle, Message, ModelDef } from "../core/model/types.ts";

/** One call to one provider model, as the runtime hands it over. */
export interface AttemptRequest {
  provider: string;
  apiStyle: ApiStyle;
  modelId: string;
  model: ModelDef;
  promptKey: string;
  prompt: BundlePrompt;
  messages: readonly Message[];
  inputTokens: number;
  timeoutMs: number;
  /** Absolute time of the call (virtual in simulation), milliseconds. */
  atMs: number;
  /** The request's inputs, as validated (mocks quote them back). */
  inputs: Readonly<Record<string, unknown>>;
  /** Expected output tokens for the feature (mocks draw around it). */
  expectedOutputTokens: number;
}

export interface Usage {
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens: number;
}

export interface AttemptResponse {
  /** How long the call took (or would have taken: the runtime cuts it at the timeout). */
  durationMs: number;
  timeToFirstTokenMs: number | null;
  /** null on a 2xx; otherwise `error.type`: "429", "500", "529", "timeout", ... */
  errorType: string | null;
  retryAfterMs?: number | undefined;
  text: string | null;
  usage: Usage | null;
  finishReason: string | null;
  responseId: string | null;
  responseModel: string | null;
}

/** Anything that answers calls: mock providers, replayed recordings, a real API adapter. */
export interface Provider {
  call(request: AttemptRequest): AttemptResponse;
}
