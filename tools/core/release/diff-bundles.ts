import type { Bundle } from "../compile/bundle-types.ts";
import { sortKeys } from "../compile/canonical-json.ts";
import { deepDiff, type DiffEntry } from "./deep-diff.ts";
import { diffInputs, inputContract } from "./input-contract.ts";
import { diffOutputs, outputGuarantees } from "./output-contract.ts";
import { shareReassigned } from "./reassignment.ts";
import type { Bump, Change } from "./types.ts";

export interface BundleDiff {
  changes: Change[];
  /** Things a reviewer must weigh that do not change the bump (users re-assigned). */
  warnings: string[];
}

/** Fields that never describe content: excluded from the comparison. */
const IGNORED = new Set(["content_hash", "source_commit", "version"]);

/**
 * Classify every difference between the latest released bundle and a new one, from the point
 * of view of Rails: major breaks it or needs code, minor is new behaviour it can use as is,
 * patch is everything else.
 */
export function diffBundles(before: Bundle, after: Bundle): BundleDiff {
  const changes: Change[] = [
    ...diffInputs(inputContract(before.prompts), inputContract(after.prompts)),
    ...diffOutputs(outputGuarantees(before.prompts), outputGuarantees(after.prompts)),
  ];
  for (const entry of deepDiff(strip(before), strip(after))) changes.push(classify(entry));
  return { changes: dedupe(changes), warnings: reassignmentWarnings(before, after) };
}

function strip(bundle: Bundle): Record<string, unknown> {
  return Object.fromEntries(Object.entries(bundle).filter(([k]) => !IGNORED.has(k)));
}

function classify(e: DiffEntry): Change {
  const [section, a, b, c] = e.path;
  const level = (l: Bump, message: string): Change => ({ level: l, message });
  if (section === "format_version") return level("major", `Bundle format version changed from ${show(e.before)} to ${show(e.after)}: Rails needs a reader for it.`);
  if (section === "experiments" && e.path.length === 2) {
    return e.kind === "added" ? level("minor", `New experiment \`${a}\`.`) : level("major", `Experiment \`${a}\` was removed: its variant keys no longer exist.`);
  }
  if (section === "experiments" && b === "variants" && e.path.length === 4) {
    return e.kind === "added" ? level("minor", `New variant \`${c}\` in experiment \`${a}\`.`) : level("major", `Variant \`${c}\` of experiment \`${a}\` was removed.`);
  }
  if (section === "prompts" && e.path.length === 2) {
    return e.kind === "added" ? level("minor", `Prompt version \`${a}\` is now served.`) : level("minor", `Prompt version \`${a}\` is no longer served.`);
  }
  if (section === "providers" && e.path.length === 2) {
    return e.kind === "added" ? level("minor", `New provider \`${a}\`.`) : level("patch", `Provider \`${a}\` is no longer routed to.`);
  }
  if (section === "providers" && b === "models" && e.path.length === 4) {
    return e.kind === "added" ? level("minor", `New model \`${a}/${c}\`.`) : level("patch", `Model \`${a}/${c}\` is no longer routed to.`);
  }
  const where = e.path.join(".").replaceAll(".[", "[");
  if (e.kind === "added") return level("patch", `\`${where}\` set to ${show(e.after)}.`);
  if (e.kind === "removed") return level("patch", `\`${where}\` removed (was ${show(e.before)}).`);
  return level("patch", `\`${where}\`: ${show(e.before)} → ${show(e.after)}.`);
}

function reassignmentWarnings(before: Bundle, after: Bundle): string[] {
  const warnings: string[] = [];
  for (const next of after.experiments) {
    const prev = before.experiments.find((e) => e.id === next.id);
    if (!prev || prev.status !== "running" || next.status !== "running") continue;
    const changed: string[] = (["seed", "hash_version", "hash_attribute", "coverage"] as const).filter((k) => prev[k] !== next[k]);
    const slots = (e: typeof prev) => e.variants.map((v) => `${v.key}:${v.weight}`).join(",");
    if (slots(prev) !== slots(next)) changed.push("variants or weights");
    if (changed.length === 0) continue;
    const share = shareReassigned(prev, next);
    if (share === 0) continue;
    warnings.push(
      `Running experiment \`${next.id}\`: changing ${changed.join(", ")} re-assigns ${(share * 100).toFixed(1)}% of users to a different variant (or in or out of the experiment); their earlier exposures no longer match. Prefer concluding it and starting a new experiment with a new seed.`,
    );
  }
  return warnings;
}

function show(value: unknown): string {
  const text = JSON.stringify(sortKeys(value));
  if (text === undefined) return "nothing";
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function dedupe(changes: Change[]): Change[] {
  const seen = new Set<string>();
  return changes.filter((c) => (seen.has(c.message) ? false : (seen.add(c.message), true)));
}
