export type AssertionType =
  | "output-contract"
  | "recommendation-count"
  | "contains"
  | "not-contains"
  | "regex"
  | "not-regex"
  | "grounding"
  | "prompt-contains"
  | "max-input-tokens"
  | "max-output-tokens"
  | "max-cost"
  | "latency-within-slo";

export interface AssertionDef {
  type: AssertionType;
  weight?: number;
  versions?: number[];
  value?: string;
  values?: string[];
  pattern?: string;
  min?: number;
  max?: number;
  min_share?: number;
  tokens?: number;
  usd?: number;
}

export interface EvalCase {
  id: string;
  description: string;
  versions?: number[];
  threshold?: number;
  inputs: Record<string, unknown>;
  assertions?: AssertionDef[];
}

export interface EvalFile {
  prompt: string;
  defaults?: { threshold?: number; min_pass_rate?: number; assertions?: AssertionDef[] };
  cases: EvalCase[];
}
