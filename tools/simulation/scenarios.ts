import type { Diagnostic } from "../core/diagnostics.ts";
import { parseYamlFile } from "../core/parse/parse-yaml.ts";
import { validateAgainstSchema } from "../core/schema/validate-against-schema.ts";
import type { Fault } from "../providers/faults.ts";

export const SCENARIOS_PATH = "simulation/scenarios.yaml";

export interface Scenario {
  id: string;
  description: string;
  faults: Fault[];
}

interface ScenariosFile {
  baseline: Fault[];
  scenarios: Scenario[];
}

/** Parse and check the scenarios file; each scenario comes back with the baseline folded in. */
export function parseScenarios(text: string, path = SCENARIOS_PATH): { scenarios: Scenario[]; diagnostics: Diagnostic[] } {
  const parsed = parseYamlFile({ path, text });
  if (!parsed.ok) return { scenarios: [], diagnostics: parsed.diagnostics };
  const diagnostics = validateAgainstSchema("scenarios", parsed.file);
  if (diagnostics.length > 0) return { scenarios: [], diagnostics };
  const file = parsed.file.data as ScenariosFile;
  return { scenarios: file.scenarios.map((s) => ({ ...s, faults: [...file.baseline, ...s.faults] })), diagnostics: [] };
}
