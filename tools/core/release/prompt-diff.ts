import { createTwoFilesPatch } from "diff";
import type { Bundle, BundlePrompt } from "../compile/bundle-types.ts";
import { canonicalJson } from "../compile/canonical-json.ts";

export interface PromptDiff {
  from: string | null;
  to: string;
  /** Unified diff of the prompt as text (parameters, then each message). */
  patch: string;
}

/** The prompt as a reviewer reads it: parameters, then messages with their roles. */
export function promptText(prompt: BundlePrompt): string {
  const p = prompt.parameters;
  const lines = [`# ${prompt.id}@${prompt.version}`, `temperature: ${p.temperature}`, `max_output_tokens: ${p.max_output_tokens}`, `response_format: ${p.response_format}`, ""];
  for (const m of prompt.messages) lines.push(`[${m.role}]`, m.content.trimEnd(), "");
  for (const [provider, messages] of Object.entries(prompt.overrides).sort()) {
    for (const m of messages) lines.push(`[${provider} override: ${m.role}]`, m.content.trimEnd(), "");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

/**
 * For every prompt version a release adds, the diff against the newest earlier version of the
 * same prompt that the previous release served (or against nothing for a new prompt).
 */
export function promptDiffs(before: Bundle | null, after: Bundle): PromptDiff[] {
  const out: PromptDiff[] = [];
  for (const key of Object.keys(after.prompts).sort()) {
    const prompt = after.prompts[key]!;
    const same = before?.prompts[key];
    if (same && canonicalJson(same) === canonicalJson(prompt)) continue;
    const base = same ?? previousVersion(before, prompt);
    const from = base ? `${base.id}@${base.version}` : null;
    const patch = createTwoFilesPatch(from ?? "/dev/null", key, base ? promptText(base) : "", promptText(prompt), undefined, undefined, { context: 3 });
    out.push({ from, to: key, patch: patch.split("\n").filter((l) => !l.startsWith("====") && !l.startsWith("Index: ")).join("\n") });
  }
  return out;
}

function previousVersion(before: Bundle | null, prompt: BundlePrompt): BundlePrompt | undefined {
  if (!before) return undefined;
  return Object.values(before.prompts)
    .filter((p) => p.id === prompt.id && p.version < prompt.version)
    .sort((a, b) => b.version - a.version)[0];
}
