import type { SimulationReport, TallyReport } from "./report.ts";

const usd = (n: number, digits = 0) => `$${n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
const ms = (n: number) => `${(n / 1000).toFixed(2)} s`;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ").trimEnd()).join("\n");
}

function errors(t: TallyReport): string {
  const entries = Object.entries(t.errorsByType);
  return entries.length ? entries.map(([k, v]) => `${k} ${v.toLocaleString("en-US")}`).join(", ") : "none";
}

/** The report as a reviewer reads it: cost against budget, latency against SLO, per variant. */
export function renderReport(r: SimulationReport, elapsedMs?: number): string {
  const lines: string[] = [];
  lines.push(`Simulation of ${r.feature}${r.bundleVersion ? `@${r.bundleVersion}` : ""}: scenario "${r.scenario}", ${r.days} days x ${r.perDay.toLocaleString("en-US")} requests a day, seed ${r.seed}`);
  if (elapsedMs !== undefined) lines.push(`${r.requests.toLocaleString("en-US")} requests simulated in ${(elapsedMs / 1000).toFixed(2)} s (${Math.round(r.requests / (elapsedMs / 1000)).toLocaleString("en-US")} requests/s).`);
  lines.push(r.lost === 0 ? "Every request ended in a response or an explicit error event (0 lost)." : `WARNING: ${r.lost} requests ended without a request event.`);
  lines.push("");
  const header = ["variant", "share", "ok", "errors", "fallback", "p50", "p95", "p99", "tokens in/out", "cost/req", "list $/req", "month at 100%"];
  const rows = r.variants.map((v) => [
    v.variant,
    pct(v.share),
    pct(v.okRate),
    pct(v.errorRate),
    pct(v.fallbackRate),
    ms(v.p50Ms),
    `${ms(v.p95Ms)} ${v.meetsSlo ? "ok" : "OVER"}`,
    ms(v.p99Ms),
    `${Math.round(v.avgInputTokens)}/${Math.round(v.avgOutputTokens)}`,
    usd(v.costPerRequestUsd, 4),
    usd(v.listPricePerRequestUsd, 4),
    `${usd(v.monthlyAtFullRolloutUsd)} ${v.monthlyAtFullRolloutUsd > r.budgetUsd ? "OVER" : "ok"}`,
  ]);
  const t = r.total;
  rows.push(["all", "100.0%", pct(t.okRate), pct(t.errorRate), pct(t.fallbackRate), ms(t.p50Ms), ms(t.p95Ms), ms(t.p99Ms), `${Math.round(t.avgInputTokens)}/${Math.round(t.avgOutputTokens)}`, usd(t.costPerRequestUsd, 4), "", ""]);
  lines.push(table([header, ...rows]));
  lines.push("");
  const over = r.listPriceMonthlyUsd > r.budgetUsd;
  lines.push(`Budget: ${usd(r.listPriceMonthlyUsd)} a month at list prices for this split at ${r.perDay.toLocaleString("en-US")} requests a day, against ${usd(r.budgetUsd)} (${pct(r.listPriceMonthlyUsd / r.budgetUsd)}): ${over ? "OVER BUDGET" : "within budget"}.`);
  const spent = r.total.costUsd;
  lines.push(`Budget burn: ${usd(spent)} spent in ${r.days} simulated days, ${pct(spent / r.budgetUsd)} of the monthly budget; on pace for ${usd(r.projectedMonthlyUsd)} a month (${pct(r.projectedMonthlyUsd / r.budgetUsd)}), lower than list prices because failed calls are not all billed in full.`);
  lines.push(`"list $/req" prices each variant's primary model (${r.variants.map((v) => `${v.variant}: ${v.primaryModel}`).join(", ")}) at the measured input and expected output tokens; "month at 100%" is that variant alone at the feature's scale volume.`);
  const slow = r.variants.filter((v) => !v.meetsSlo);
  lines.push(`SLO: p95 under ${ms(r.sloP95Ms)}: ${slow.length === 0 ? "met by every variant" : `missed by ${slow.map((v) => `${v.variant} (${ms(v.p95Ms)})`).join(", ")}`}.`);
  lines.push(`Errors (final, per request): ${errors(t)}.`);
  lines.push("");
  lines.push("Attempts per provider model:");
  lines.push(
    table([
      ["variant", "provider/model", "attempts", "ok", "errors", "fallback", "p50", "p95", "p99", "tokens in/out", "cost", "cost/attempt"],
      ...r.models.map((m) => [m.variant, `${m.provider}/${m.model}`, m.requests.toLocaleString("en-US"), pct(m.okRate), errors(m), pct(m.fallbackRate), ms(m.p50Ms), ms(m.p95Ms), ms(m.p99Ms), `${Math.round(m.avgInputTokens)}/${Math.round(m.avgOutputTokens)}`, usd(m.costUsd), usd(m.costPerRequestUsd, 4)]),
    ]),
  );
  return `${lines.join("\n")}\n`;
}
