import { performance } from "node:perf_hooks";
import type { Bundle } from "../../core/compile/bundle-types.ts";
import { evalFilesOf, featureInputs } from "../../core/evals/parse-evals.ts";
import { latestEntry } from "../../core/release/ledger.ts";
import { readLedger } from "../../core/release/read-ledger.ts";
import { validateOutputContract } from "../../core/schema/output-contract.ts";
import { dayNumber } from "../../core/dates.ts";
import { JsonlFileSink } from "../../io/jsonl-sink.ts";
import { readLedgerFiles } from "../../io/ledger-files.ts";
import { buildReport, type SimulationReport } from "../../simulation/report.ts";
import { renderReport } from "../../simulation/render-report.ts";
import { SCENARIOS_PATH } from "../../simulation/scenarios.ts";
import { simulate } from "../../simulation/simulate.ts";
import { parse, requireDate, wholeNumber } from "../args.ts";
import { loadScenarios, pickScenario } from "../load-scenarios.ts";
import { colors } from "../color.ts";
import { compileRepository } from "../compile-repository.ts";
import type { CliContext } from "../context.ts";
import { EXIT, UsageError } from "../errors.ts";
import { formatDiagnostics } from "../report-diagnostics.ts";

export const SIMULATE_HELP = `Usage: llmcfg simulate [options]

Run simulated traffic through the runtime against seeded mock providers on a virtual clock (no
real waiting): per variant, the projected monthly cost against the budget (and at 100% rollout),
p50/p95/p99 latency against the SLO, error and fallback rates. Request inputs come from the eval
cases of the feature's prompts; provider behaviour from ${SCENARIOS_PATH}.

Options:
  --feature <id>       Feature to simulate (default: every feature)
  --days <n>           Simulated days (default 30)
  --per-day <n>        Requests a day (default: the feature's requests_per_day_at_scale)
  --scenario <id>      Scenario from ${SCENARIOS_PATH} (default: normal)
  --seed <n>           Seed for traffic, latency and faults (default 1)
  --start <date>       First simulated day, YYYY-MM-DD, for event timestamps (default 2027-01-04)
  --telemetry <file>   Also write every telemetry event as JSON lines to <file>
  --estimate-tokens    Estimate input tokens instead of counting them exactly
  --root <dir>         Repository root (default: current directory)
  --json               Print the reports as JSON
  -h, --help           Show this help

Exit codes: 0 simulated, 1 findings in the sources, 2 usage or internal error.
`;

export interface SimulateOptions {
  root: string;
  feature?: string;
  days: number;
  perDay?: number;
  scenario: string;
  seed: number;
  start: string;
  telemetry?: string;
  exactTokens: boolean;
  json: boolean;
}

export async function simulateCommand(options: SimulateOptions, ctx: CliContext, isTty = false): Promise<number> {
  const c = colors(ctx, isTty);
  const result = await compileRepository({ root: options.root, strict: false }, ctx, c, true);
  if (!result.ok) return EXIT.findings;
  const { scenarios, diagnostics } = await loadScenarios(result.checked.root);
  const evals = evalFilesOf(result.checked.model);
  if (diagnostics.length > 0) {
    ctx.stdout(formatDiagnostics(diagnostics, c));
    return EXIT.findings;
  }
  const scenario = pickScenario(scenarios, options.scenario);
  const bundles = result.compiled.filter((b) => !options.feature || b.feature === options.feature);
  if (bundles.length === 0) throw new UsageError(`Unknown feature "${options.feature}". Features: ${result.compiled.map((b) => b.feature).join(", ")}.`);
  const { ledger } = readLedger(await readLedgerFiles(result.checked.root));
  const sink = options.telemetry ? new JsonlFileSink(options.telemetry) : undefined;
  const reports: SimulationReport[] = [];
  try {
    for (const { feature, bundle: compiled } of bundles) {
      // Telemetry names the release when the sources match it, as production events would.
      const latest = latestEntry(ledger.index, feature);
      const bundle: Bundle = latest?.content_hash === compiled.content_hash ? { ...compiled, version: latest.version } : compiled;
      const unique = featureInputs(bundle, evals);
      const perDay = options.perDay ?? bundle.traffic.requests_per_day_at_scale;
      const started = performance.now();
      const run = simulate({ bundle, scenario, days: options.days, perDay, seed: options.seed, inputs: unique, validateOutput: validateOutputContract, epochMs: dayNumber(options.start) * 86_400_000, telemetry: sink, exactTokens: options.exactTokens });
      const elapsed = performance.now() - started;
      const report = buildReport(bundle, run, { scenario: scenario.id, days: options.days, perDay, seed: options.seed });
      reports.push(report);
      if (!options.json) ctx.stdout(`${renderReport(report, elapsed)}\n`);
    }
  } finally {
    sink?.close();
  }
  if (options.json) ctx.stdout(`${JSON.stringify({ reports }, null, 2)}\n`);
  else if (sink) ctx.stdout(`Wrote ${sink.written.toLocaleString("en-US")} telemetry events to ${options.telemetry}.\n`);
  return EXIT.ok;
}

export async function runSimulate(argv: string[], ctx: CliContext, isTty: boolean): Promise<number> {
  const args = parse("simulate", argv, {
    feature: { type: "string" },
    days: { type: "string" },
    "per-day": { type: "string" },
    scenario: { type: "string" },
    seed: { type: "string" },
    start: { type: "string" },
    telemetry: { type: "string" },
    "estimate-tokens": { type: "boolean" },
    root: { type: "string" },
    json: { type: "boolean" },
  });
  return simulateCommand(
    {
      root: args.str("root") ?? ctx.cwd,
      feature: args.str("feature"),
      days: wholeNumber(args.str("days"), "--days", 1, 30),
      perDay: wholeNumber(args.str("per-day"), "--per-day", 1),
      scenario: args.str("scenario") ?? "normal",
      seed: wholeNumber(args.str("seed"), "--seed", 0, 1),
      start: requireDate(args.str("start"), "--start") ?? "2027-01-04",
      telemetry: args.str("telemetry"),
      exactTokens: !args.flag("estimate-tokens"),
      json: args.flag("json"),
    },
    ctx,
    isTty,
  );
}
