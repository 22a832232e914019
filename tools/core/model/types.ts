/** Typed views of the source files; they mirror schemas/*.schema.json, which stay the contract. */

export type ApiStyle = "openai-chat-completions" | "anthropic-messages";
export type Tokenizer = "cl100k_base" | "o200k_base" | "estimate";

export interface Distribution {
  distribution: "lognormal";
  p50: number;
  p95: number;
}

export interface ModelDef {
  id: string;
  api_model: string;
  context_window: number;
  max_output_tokens: number;
  tokenizer: Tokenizer;
  pricing: {
    input_per_mtok: number;
    output_per_mtok: number;
    cached_input_per_mtok?: number;
    as_of: string;
    source: string;
  };
  rate_limits: { rpm: number; tpm: number; source: string };
  lifecycle: { deprecated_on?: string; retires_on?: string; source: string };
  latency: { time_to_first_token_ms: Distribution; time_per_output_token_ms: Distribution; source: string };
}

export interface ProviderDoc {
  id: string;
  name: string;
  api_style: ApiStyle;
  base_url: string;
  api_key_env: string;
  models: ModelDef[];
}

export type Role = "system" | "user" | "assistant";
export interface Message {
  role: Role;
  content: string;
}

export type InputField =
  | { type: "string"; description: string; maxLength: number; minLength?: number; enum?: string[] }
  | { type: "number" | "integer"; description: string; minimum?: number; maximum?: number }
  | { type: "boolean"; description: string }
  | { type: "array"; description: string; maxItems: number; minItems?: number; items: InputField }
  | ObjectField;

export interface ObjectField {
  type: "object";
  description?: string;
  properties: Record<string, InputField>;
  required?: string[];
  additionalProperties: false;
}

export interface PromptParameters {
  temperature: number;
  top_p?: number;
  max_output_tokens: number;
  response_format: "json" | "text";
}

export interface PromptDoc {
  id: string;
  version: number;
  description: string;
  owner: string;
  changes: string;
  inputs: ObjectField;
  parameters: PromptParameters;
  messages: Message[];
  output?: { schema: Record<string, unknown> };
  overrides?: Record<string, { messages: Message[] }>;
}

export interface AttemptDef {
  model: string;
  timeout_ms: number;
  max_retries?: number;
}

export interface RouteDef {
  deadline_ms: number;
  chain: AttemptDef[];
}

export interface MetricDef {
  name: string;
  goal: "increase" | "decrease";
  threshold?: number;
}

export type ExperimentStatus = "draft" | "running" | "paused" | "concluded";

export interface VariantDef {
  key: string;
  weight: number;
  prompt: string;
  route?: RouteDef;
}

export interface ExperimentDef {
  id: string;
  status: ExperimentStatus;
  hypothesis: string;
  seed?: string;
  hash_attribute: string;
  hash_version: 1 | 2;
  coverage: number;
  variants: VariantDef[];
  primary_metric: MetricDef;
  guardrail_metrics: MetricDef[];
  start_date: string;
  min_duration_days: number;
}

export interface FeatureDoc {
  id: string;
  name: string;
  owner: string;
  description: string;
  kill_switch: boolean;
  traffic: { requests_per_day: number; requests_per_day_at_scale: number; expected_output_tokens: number };
  budget: { monthly_usd: number; max_cost_per_request_usd: number };
  slo: { p95_latency_ms: number };
  default_route: RouteDef & { prompt: string };
  experiments: ExperimentDef[];
}
