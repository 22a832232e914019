import { concludedExperimentNoTraffic } from "./concluded-experiment-no-traffic.ts";
import { contextWindowFits } from "./context-window-fits.ts";
import { deadlineFitsSlo } from "./deadline-fits-slo.ts";
import { experimentIdsUnique } from "./experiment-ids-unique.ts";
import { evalFixturesSound } from "./eval-fixtures-sound.ts";
import { experimentReachable } from "./experiment-reachable.ts";
import { experimentSeedsUnique } from "./experiment-seeds-unique.ts";
import { failoverChainUnique } from "./failover-chain-unique.ts";
import { latencyProfileOrdered } from "./latency-profile-ordered.ts";
import { maxOutputFitsModel } from "./max-output-fits-model.ts";
import { modelIdsUnique } from "./model-ids-unique.ts";
import { modelLifecycle } from "./model-lifecycle.ts";
import { modelRefExists } from "./model-ref-exists.ts";
import { noCredentials } from "./no-credentials.ts";
import { outputContractValid } from "./output-contract-valid.ts";
import { overrideProviderExists } from "./override-provider-exists.ts";
import { pathMatchesContent } from "./path-matches-content.ts";
import { promptRefExists } from "./prompt-ref-exists.ts";
import { requiredInputsUsed } from "./required-inputs-used.ts";
import type { Rule } from "./rule.ts";
import { runningExperimentHasSeed } from "./running-experiment-has-seed.ts";
import { templateParses } from "./template-parses.ts";
import { templateVarsDeclared } from "./template-vars-declared.ts";
import { timeoutsFitDeadline } from "./timeouts-fit-deadline.ts";
import { variantKeysUnique } from "./variant-keys-unique.ts";
import { weightsSumTo100 } from "./weights-sum-to-100.ts";
import { yamlSchemaComment } from "./yaml-schema-comment.ts";

/** Codes reported before the rules run: by the reader, the YAML parser and the schema. */
export const PARSE_CODES = {
  "file-layout": "A file under providers/, prompts/ or experiments/ is not at a path any config kind uses.",
  "file-too-large": "A file exceeds the size limit and is not parsed.",
  "yaml-syntax": "The file is not valid YAML.",
  "yaml-duplicate-key": "A mapping repeats a key.",
  "yaml-alias-limit": "Aliases expand past the limit (a billion-laughs document).",
  schema: "The file violates its JSON Schema.",
} as const;

/** Semantic rules in the order they run. */
export const RULES: readonly Rule[] = register([
  noCredentials,
  yamlSchemaComment,
  pathMatchesContent,
  modelIdsUnique,
  latencyProfileOrdered,
  overrideProviderExists,
  outputContractValid,
  templateParses,
  templateVarsDeclared,
  requiredInputsUsed,
  promptRefExists,
  modelRefExists,
  failoverChainUnique,
  timeoutsFitDeadline,
  deadlineFitsSlo,
  maxOutputFitsModel,
  contextWindowFits,
  modelLifecycle,
  weightsSumTo100,
  variantKeysUnique,
  experimentIdsUnique,
  experimentSeedsUnique,
  runningExperimentHasSeed,
  concludedExperimentNoTraffic,
  experimentReachable,
  evalFixturesSound,
]);

function register(rules: Rule[]): Rule[] {
  const codes = new Set<string>(Object.keys(PARSE_CODES));
  for (const rule of rules) {
    if (codes.has(rule.code)) throw new Error(`Rule code "${rule.code}" is registered twice.`);
    codes.add(rule.code);
  }
  return rules;
}
