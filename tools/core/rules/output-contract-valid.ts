import type { Diagnostic } from "../diagnostics.ts";
import { compileOutputContract } from "../schema/output-contract.ts";
import { report, type Rule } from "./rule.ts";

/** The output contract is compiled by strict ajv exactly as the runtime and evals will use it. */
export const outputContractValid: Rule = {
  code: "output-contract-valid",
  severity: "error",
  description: "A json prompt has an output contract, and the contract is a valid, strict JSON Schema.",
  check({ model }) {
    const out: Diagnostic[] = [];
    for (const { data, file } of model.prompts.values()) {
      if (data.parameters.response_format === "json" && !data.output) {
        out.push(report(this, file, ["parameters", "response_format"], "response_format is json but the prompt has no output contract.", "Add output.schema describing the JSON the model must return, or use response_format: text."));
        continue;
      }
      if (!data.output) continue;
      try {
        compileOutputContract(data.output.schema);
      } catch (error) {
        out.push(report(this, file, ["output", "schema"], `Output contract is not a valid strict JSON Schema: ${(error as Error).message}`, "Fix the schema; every object needs `type: object` with its properties, and keywords must be spelled as in JSON Schema 2020-12.", "key"));
      }
    }
    return out;
  },
};
