import type { Bundle } from "../compile/bundle-types.ts";
import type { ConfigModel } from "../model/load-model.ts";
import type { EvalFile } from "./eval-types.ts";

/** prompts/<id>/evals.yaml; loadModel parses and schema-checks these with the config. */
export const EVALS_FILE = /^prompts\/([^/]+)\/evals\.yaml$/;

/** The validated eval files of a model, keyed by prompt id. */
export function evalFilesOf(model: ConfigModel): Map<string, EvalFile> {
  return new Map([...model.evals].map(([id, located]) => [id, located.data]));
}

/** Inputs of every case that applies to a prompt version, in file order. */
export function caseInputs(file: EvalFile | undefined, version: number): Record<string, unknown>[] {
  return (file?.cases ?? []).filter((c) => !c.versions || c.versions.includes(version)).map((c) => c.inputs);
}

/**
 * Request inputs for a feature: the cases of every prompt version it serves, each input object
 * once (Rails sends the same inputs whichever variant answers).
 */
export function featureInputs(bundle: Bundle, evals: ReadonlyMap<string, EvalFile>): Record<string, unknown>[] {
  return [...new Set(Object.values(bundle.prompts).flatMap((p) => caseInputs(evals.get(p.id), p.version)))];
}
