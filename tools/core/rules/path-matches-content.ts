import type { Diagnostic } from "../diagnostics.ts";
import { classifyPath } from "../model/classify-path.ts";
import { report, type Rule } from "./rule.ts";

/** `prompts/x/v2.yaml` must declare id x and version 2: the path is how references resolve. */
export const pathMatchesContent: Rule = {
  code: "path-matches-content",
  severity: "error",
  description: "The file's path agrees with the id (and version) it declares.",
  check({ model }) {
    const out: Diagnostic[] = [];
    const all = [...model.providers.values(), ...model.prompts.values(), ...model.features.values()];
    for (const { data, file } of all) {
      const kind = classifyPath(file.path);
      if (kind.kind === "unknown") continue;
      const declared = data as { id: string; version?: number };
      if (declared.id !== kind.id) {
        out.push(report(this, file, ["id"], `Declares id "${declared.id}" but the path says "${kind.id}".`, `Set id to "${kind.id}" or rename the ${kind.kind === "prompt" ? "folder" : "file"} to "${declared.id}".`));
      }
      if (kind.kind === "prompt" && declared.version !== kind.version) {
        out.push(report(this, file, ["version"], `Declares version ${declared.version} but the file name says v${kind.version}.`, `Set version to ${kind.version}, or add the content as prompts/${kind.id}/v${declared.version}.yaml.`));
      }
    }
    return out;
  },
};
