import type { ApiStyle, FeatureDoc, Message, MetricDef, ModelDef, ObjectField, PromptParameters } from "../model/types.ts";

/** The compiled bundle, as described by schemas/bundle.schema.json. */
export const BUNDLE_FORMAT_VERSION = 1 as const;

export interface BundleAttempt {
  provider: string;
  model: string;
  timeout_ms: number;
  max_retries: number;
}

export interface BundleRoute {
  deadline_ms: number;
  chain: BundleAttempt[];
}

export interface BundleVariant {
  key: string;
  weight: number;
  prompt: string;
  route: BundleRoute;
}

export interface BundleExperiment {
  id: string;
  status: "draft" | "running" | "paused" | "concluded";
  hypothesis: string;
  seed: string | null;
  hash_attribute: string;
  hash_version: 1 | 2;
  coverage: number;
  variants: BundleVariant[];
  primary_metric: MetricDef;
  guardrail_metrics: MetricDef[];
  start_date: string;
  min_duration_days: number;
}

export interface BundlePrompt {
  id: string;
  version: number;
  description: string;
  owner: string;
  changes: string;
  inputs: ObjectField;
  parameters: PromptParameters;
  messages: Message[];
  output_schema: Record<string, unknown> | null;
  overrides: Record<string, Message[]>;
}

export interface BundleProvider {
  id: string;
  name: string;
  api_style: ApiStyle;
  base_url: string;
  api_key_env: string;
  models: Record<string, ModelDef>;
}

export interface Bundle {
  format_version: typeof BUNDLE_FORMAT_VERSION;
  version?: string;
  id: string;
  name: string;
  owner: string;
  description: string;
  kill_switch: boolean;
  traffic: FeatureDoc["traffic"];
  budget: FeatureDoc["budget"];
  slo: FeatureDoc["slo"];
  default_route: BundleRoute & { prompt: string };
  experiments: BundleExperiment[];
  prompts: Record<string, BundlePrompt>;
  providers: Record<string, BundleProvider>;
  source_commit: string | null;
  content_hash: string;
}
