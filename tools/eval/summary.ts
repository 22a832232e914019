import type { FeatureFigures, GateFinding, VariantFigures } from "./gates.ts";
import type { CaseRun } from "./run-evals.ts";

/** GitHub's step summary limit is 1 MiB; stay well under it. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 16 * 1024;

export interface FeatureSummaryInput {
  feature: string;
  /** "1.0.1 → 1.1.0 (minor)", or a note that nothing changes. */
  release: string;
  /** The changelog entry `version` would write (markdown), or null. */
  changelog: string | null;
  figures: FeatureFigures;
  released?: FeatureFigures;
  gates: GateFinding[];
  runs: CaseRun[];
  budgetUsd: number;
  sloP95Ms: number;
}

const usd = (n: number, d = 0) => `$${n.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d })}`;
const sign = (n: number, f: (x: number) => string) => (Math.abs(n) < 1e-12 ? "±0" : `${n > 0 ? "+" : "−"}${f(Math.abs(n))}`);

function delta(now: number | null, before: number | null | undefined, f: (x: number) => string): string {
  if (now === null || before === null || before === undefined) return "new";
  return sign(now - before, f);
}

function variantRow(v: VariantFigures, before: VariantFigures | undefined, budget: number, slo: number): string {
  return [
    v.experiment ? `\`${v.variant}\` (${v.experiment})` : "default route",
    `\`${v.prompt}\``,
    `\`${v.model}\``,
    `${Math.round(v.share * 100)}%`,
    `${v.passed}/${v.cases}`,
    `${Math.round(v.avgInputTokens)} / ${Math.round(v.avgOutputTokens)}`,
    `${usd(v.listPricePerRequestUsd, 4)} (${delta(v.listPricePerRequestUsd, before?.listPricePerRequestUsd, (x) => usd(x, 4))})`,
    `${usd(v.monthlyAtFullRolloutUsd)}${v.monthlyAtFullRolloutUsd > budget ? " ⚠️" : ""}`,
    v.p95Ms === null ? "n/a" : `${v.p95Ms} ms${v.p95Ms >= slo ? " ⚠️" : ""} (${delta(v.p95Ms, before?.p95Ms, (x) => `${Math.round(x)} ms`)})`,
  ].join(" | ");
}

/** One feature's section of the reviewer summary. */
export function renderFeatureSummary(s: FeatureSummaryInput): string {
  const errors = s.gates.filter((g) => g.level === "error");
  const warnings = s.gates.filter((g) => g.level === "warning");
  const gateNames = ["output-contract", "pass-rate", "budget", "slo"] as const;
  const status = gateNames
    .map((g) => `${s.gates.some((x) => x.gate === g && x.level === "error") ? "❌" : s.gates.some((x) => x.gate === g) ? "⚠️" : "✅"} ${g}`)
    .join(" · ");
  const lines = [`## ${s.feature}: ${s.release}`, "", status, ""];
  const before = (v: VariantFigures) => s.released?.variants.find((r) => r.variant === v.variant && r.experiment === v.experiment);
  lines.push(
    "| variant | prompt | primary model | traffic | cases passed | tokens in / out | list $/request (Δ) | month at 100% | simulated p95 (Δ) |",
    "|---|---|---|---|---|---|---|---|---|",
    ...s.figures.variants.map((v) => `| ${variantRow(v, before(v), s.budgetUsd, s.sloP95Ms)} |`),
    "",
  );
  const projected = s.figures.projectedMonthlyUsd;
  const was = s.released ? ` (released: ${usd(s.released.projectedMonthlyUsd)}, ${sign(projected - s.released.projectedMonthlyUsd, (x) => usd(x))})` : "";
  lines.push(`Projected bill at the scale volume with the current split: **${usd(projected)}** a month of the ${usd(s.budgetUsd)} budget${was}. SLO: p95 under ${s.sloP95Ms} ms.`, "");
  if (errors.length + warnings.length > 0) {
    lines.push("**Gates**", "", ...errors.map((g) => `- ❌ **${g.gate}**: ${g.message}`), ...warnings.map((g) => `- ⚠️ ${g.gate}: ${g.message}`), "");
  }
  const hits = s.runs.filter((r) => r.replay === "hit").length;
  const misses = s.runs.filter((r) => r.replay === "miss").length;
  if (hits + misses > 0) {
    lines.push(`Mock providers: ${hits} case(s) replayed recorded outputs; ${misses} had no recording for the rendered prompt${misses ? " (a new or changed prompt misses its recordings) and used outputs synthesized from the contract" : ""}.`, "");
  }
  const failing = s.runs.filter((r) => !r.pass);
  if (failing.length > 0) {
    lines.push(`<details><summary>Failing cases (${failing.length})</summary>`, "");
    for (const r of failing) {
      lines.push(`- **${r.caseId}** on \`${r.variant}\` (\`${r.prompt}\`, \`${r.model}\`): score ${r.score} < ${r.threshold}`);
      for (const a of r.assertions.filter((x) => !x.pass)) lines.push(`  - \`${a.type}\`: ${a.reason}`);
    }
    lines.push("", "</details>", "");
  }
  if (s.changelog) lines.push("<details><summary>Changelog preview (with the prompt text diff)</summary>", "", s.changelog.trim(), "", "</details>", "");
  return lines.join("\n");
}

/** The whole summary, cut to fit GitHub's limit with a note saying so. */
export function renderSummary(sections: string[], header: string): string {
  let text = `${header}\n\n${sections.join("\n")}`;
  if (Buffer.byteLength(text) <= SUMMARY_LIMIT_BYTES) return text;
  const note = "\n\n> ✂️ This summary was truncated to fit GitHub's 1 MiB limit. Run `npm run eval` locally for the full report.\n";
  while (Buffer.byteLength(text) + note.length + 8 > SUMMARY_LIMIT_BYTES) text = text.slice(0, Math.floor(text.length * 0.9));
  // Close a code fence the cut left open, so the note renders as text.
  if ((text.match(/^```/gm) ?? []).length % 2 === 1) text += "\n```";
  return text + note;
}
