import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Diagnostic } from "../core/diagnostics.ts";
import { SCENARIOS_PATH, parseScenarios, type Scenario } from "../simulation/scenarios.ts";
import { UsageError } from "./errors.ts";

/** A quiet day with no scripted faults: what eval uses when a repository has no scenarios file. */
export const NO_FAULTS: Scenario = { id: "normal", description: "No scripted faults.", faults: [] };

/**
 * simulation/scenarios.yaml, read and checked. `simulate` needs it (a missing file is a usage
 * error); `eval` can do without it (`required: false` gives no scenarios).
 */
export async function loadScenarios(root: string, required = true): Promise<{ scenarios: Scenario[]; diagnostics: Diagnostic[] }> {
  const text = await readFile(join(root, SCENARIOS_PATH), "utf8").catch(() => undefined);
  if (text === undefined) {
    if (required) throw new UsageError(`${SCENARIOS_PATH} is missing: simulate reads provider behaviour from it.`);
    return { scenarios: [], diagnostics: [] };
  }
  return parseScenarios(text);
}

export function pickScenario(scenarios: readonly Scenario[], id: string): Scenario {
  const scenario = scenarios.find((s) => s.id === id);
  if (!scenario) throw new UsageError(`Unknown scenario "${id}". Scenarios: ${scenarios.map((s) => s.id).join(", ")}.`);
  return scenario;
}
