import type { Diagnostic } from "../diagnostics.ts";
import { report, type Rule } from "./rule.ts";

/** Eval fixtures that would prove nothing, or test something that does not exist. */
export const evalFixturesSound: Rule = {
  code: "eval-fixtures-sound",
  severity: "error",
  description: "Eval files name their folder's prompt, case ids are unique, every case has an assertion, and listed versions exist.",
  check({ model }) {
    const out: Diagnostic[] = [];
    for (const [folder, { data, file }] of model.evals) {
      if (data.prompt !== folder) out.push(report(this, file, ["prompt"], `Eval file declares prompt "${data.prompt}" but lives in prompts/${folder}/.`, `Set prompt: ${folder}.`));
      const versions = new Set([...model.prompts.keys()].filter((k) => k.startsWith(`${folder}@`)).map((k) => Number(k.split("@")[1])));
      const seen = new Set<string>();
      const shared = data.defaults?.assertions?.length ?? 0;
      data.cases.forEach((c, i) => {
        if (seen.has(c.id)) out.push(report(this, file, ["cases", i, "id"], `Case id "${c.id}" appears twice.`, "Give every case its own id."));
        seen.add(c.id);
        if (shared + (c.assertions?.length ?? 0) === 0) out.push(report(this, file, ["cases", i], `Case "${c.id}" has no assertion, so it could never fail.`, "Add assertions to the case or to defaults.assertions."));
        for (const v of c.versions ?? []) {
          if (!versions.has(v)) out.push(report(this, file, ["cases", i, "versions"], `Case "${c.id}" names ${folder} v${v}, which does not exist.`, `Existing versions: ${[...versions].sort((a, b) => a - b).join(", ") || "none"}.`));
        }
      });
    }
    return out;
  },
};
