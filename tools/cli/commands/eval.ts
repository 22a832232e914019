import { readFile, writeFile } from "node:fs/promises";
import * as core from "@actions/core";
import type { Bundle } from "../../core/compile/bundle-types.ts";
import { evalFilesOf } from "../../core/evals/parse-evals.ts";
import type { ParsedFile } from "../../core/parse/parse-yaml.ts";
import { latestEntry, releasePath } from "../../core/release/ledger.ts";
import { readLedger } from "../../core/release/read-ledger.ts";
import { validateOutputContract } from "../../core/schema/output-contract.ts";
import type { GateFinding } from "../../eval/gates.ts";
import { loadRecordings } from "../../eval/recordings.ts";
import { buildReview } from "../../eval/review.ts";
import { runEvals, type CaseRun, type MockMode } from "../../eval/run-evals.ts";
import { todayUtc } from "../../io/clock.ts";
import { headCommitDate } from "../../io/git.ts";
import { readLedgerFiles } from "../../io/ledger-files.ts";
import { SCENARIOS_PATH } from "../../simulation/scenarios.ts";
import { parse, wholeNumber } from "../args.ts";
import { NO_FAULTS, loadScenarios, pickScenario } from "../load-scenarios.ts";
import { colors } from "../color.ts";
import { compileRepository } from "../compile-repository.ts";
import type { CliContext } from "../context.ts";
import { EXIT, UsageError } from "../errors.ts";
import { formatDiagnostics } from "../report-diagnostics.ts";

export const EVAL_HELP = `Usage: llmcfg eval [options]

Run every eval case (prompts/<id>/evals.yaml) against every variant route that serves its
prompt, on mock providers, for the sources and for the latest release. Then apply the gates
(output contract, pass rate, budget at scale, simulated p95 against the SLO) and print the
reviewer summary: next version and changelog, per-variant table with deltas, failing cases.
Under GitHub Actions the summary goes to the job summary and findings become annotations.

Options:
  --mock <mode>          replay (recordings, else synthetic; default) or synthetic
  --scenario <id>        Apply a scenario's scripted faults from ${SCENARIOS_PATH}
  --seed <n>             Seed for the mock providers (default 1)
  --shard <i/n>          Run only shard i of n and write the results to --out (no gates)
  --out <file>           Where --shard writes its results
  --merge <files...>     Merge shard results (the remaining arguments), then gate and summarise
  --summary-file <file>  Write the summary to a file instead of stdout (outside Actions)
  --root <dir>           Repository root (default: current directory)
  --json                 Print runs, figures and gates as JSON
  -h, --help             Show this help

Exit codes: 0 all gates pass (warnings allowed), 1 a gate failed or findings, 2 usage or internal error.
`;

export interface EvalCommandOptions {
  root: string;
  mock: MockMode;
  scenario?: string;
  seed: number;
  shard?: { index: number; count: number };
  out?: string;
  merge?: string[];
  summaryFile?: string;
  json: boolean;
}

interface ShardFile {
  format: "llmcfg-eval-shard";
  format_version: 1;
  shard: string;
  /** Content hashes the runs were made against, per feature: merging refuses a mismatch. */
  content_hashes: Record<string, string>;
  runs: CaseRun[];
  released_runs: CaseRun[];
}

const byPlanOrder = (a: CaseRun, b: CaseRun) => (a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : a.index - b.index);

export async function evalCommand(options: EvalCommandOptions, ctx: CliContext, isTty = false): Promise<number> {
  const c = colors(ctx, isTty);
  const compiled = await compileRepository({ root: options.root, strict: false }, ctx, c, true);
  if (!compiled.ok) return EXIT.findings;
  const { root, model, sources } = compiled.checked;
  const recordings = loadRecordings(sources);
  const scenarios = await loadScenarios(root, false);
  const problems = [...recordings.diagnostics, ...scenarios.diagnostics];
  if (problems.length > 0) {
    ctx.stdout(formatDiagnostics(problems, c));
    return EXIT.findings;
  }
  const normal = scenarios.scenarios.find((s) => s.id === "normal") ?? NO_FAULTS;
  const faults = options.scenario === undefined ? undefined : pickScenario(scenarios.scenarios, options.scenario).faults;
  const evals = evalFilesOf(model);
  const { ledger } = readLedger(await readLedgerFiles(root));
  const run = (bundle: Bundle) => runEvals({ bundle, evals, recordings: recordings.recordings, mode: options.mock, seed: options.seed, validateOutput: validateOutputContract, faults, shard: options.shard });

  const runs: CaseRun[] = [];
  const releasedRuns: CaseRun[] = [];
  if (options.merge) {
    for (const path of options.merge) {
      const text = await readFile(path, "utf8").catch(() => {
        throw new UsageError(`Cannot read shard results ${path}.`);
      });
      let shard: ShardFile;
      try {
        shard = JSON.parse(text) as ShardFile;
      } catch {
        throw new UsageError(`${path} is not valid JSON; re-run the shard that wrote it.`);
      }
      if (shard.format !== "llmcfg-eval-shard" || shard.format_version !== 1) throw new UsageError(`${path} is not an eval shard file this version can read.`);
      for (const { feature, bundle } of compiled.compiled) {
        if (shard.content_hashes[feature] !== bundle.content_hash) throw new UsageError(`${path} was produced from other sources (${feature} differs); re-run the shards.`);
      }
      runs.push(...shard.runs);
      releasedRuns.push(...shard.released_runs);
    }
    runs.sort(byPlanOrder);
    releasedRuns.sort(byPlanOrder);
  } else {
    for (const { feature, bundle } of compiled.compiled) {
      runs.push(...run(bundle));
      const latest = latestEntry(ledger.index, feature);
      const released = latest ? ledger.bundles.get(releasePath(feature, latest.version))?.bundle : undefined;
      if (released) releasedRuns.push(...run(released));
    }
  }
  if (options.shard) {
    if (!options.out) throw new UsageError("--shard needs --out <file> for its results.");
    const shardFile: ShardFile = { format: "llmcfg-eval-shard", format_version: 1, shard: `${options.shard.index}/${options.shard.count}`, content_hashes: Object.fromEntries(compiled.compiled.map((b) => [b.feature, b.bundle.content_hash])), runs, released_runs: releasedRuns };
    await writeFile(options.out, `${JSON.stringify(shardFile)}\n`);
    ctx.stdout(`Shard ${options.shard.index}/${options.shard.count}: ${runs.length} case runs (+${releasedRuns.length} on the released bundle) written to ${options.out}.\n`);
    return EXIT.ok;
  }

  const date = (await headCommitDate(root)) ?? todayUtc();
  const review = buildReview({ compiled: compiled.compiled, ledger, runs, releasedRuns, evals, scenario: normal, validateOutput: validateOutputContract, seed: options.seed, mode: options.mock, sourceCommit: compiled.sourceCommit, date });
  annotateGates(review.gates, model.parsed, ctx);
  const verdict = review.failed ? "gates failed" : "gates passed";
  if (options.json) {
    ctx.stdout(`${JSON.stringify({ ok: !review.failed, features: review.features, runs }, null, 2)}\n`);
  } else if (ctx.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(review.markdown, true).write();
    ctx.stdout(`Summary written to the job summary (${verdict}).\n`);
  } else if (options.summaryFile) {
    await writeFile(options.summaryFile, review.markdown);
    ctx.stdout(`Summary written to ${options.summaryFile} (${verdict}).\n`);
  } else {
    ctx.stdout(review.markdown.endsWith("\n") ? review.markdown : `${review.markdown}\n`);
  }
  if (ctx.env.GITHUB_OUTPUT) {
    core.setOutput("result", review.failed ? "fail" : "pass");
    core.setOutput("releases", review.plan.releases.map((r) => `${r.feature}@${r.entry.version}`).join(" "));
  }
  return review.failed ? EXIT.findings : EXIT.ok;
}

/** Gate findings as annotations on the line of config that causes them, errors first. */
function annotateGates(gates: readonly GateFinding[], parsed: readonly ParsedFile[], ctx: CliContext): void {
  if (ctx.env.GITHUB_ACTIONS !== "true") return;
  const sorted = [...gates].sort((a, b) => (a.level === b.level ? 0 : a.level === "error" ? -1 : 1));
  for (const g of sorted) {
    // The files were parsed once by validation; locate in those instead of parsing again.
    const at = parsed.find((f) => f.path === g.target.file)?.locate(g.target.pointer) ?? { line: 1, column: 1 };
    const props = { title: `${g.gate} gate`, file: g.target.file, startLine: at.line, startColumn: at.column };
    if (g.level === "error") core.error(g.message, props);
    else core.warning(g.message, props);
  }
}

export async function runEval(argv: string[], ctx: CliContext, isTty: boolean): Promise<number> {
  const args = parse("eval", argv, { mock: { type: "string" }, scenario: { type: "string" }, seed: { type: "string" }, shard: { type: "string" }, out: { type: "string" }, merge: { type: "boolean" }, "summary-file": { type: "string" }, root: { type: "string" }, json: { type: "boolean" } }, true);
  const mock = args.str("mock") ?? "replay";
  if (mock !== "replay" && mock !== "synthetic") throw new UsageError(`--mock must be replay or synthetic, got "${mock}".`);
  const seed = wholeNumber(args.str("seed"), "--seed", 0, 1);
  let shard: { index: number; count: number } | undefined;
  const shardText = args.str("shard");
  if (shardText !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(shardText);
    if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new UsageError(`--shard must look like 1/3 (index from 1 to the count), got "${shardText}".`);
    shard = { index: Number(m[1]), count: Number(m[2]) };
  }
  const merge = args.flag("merge") ? args.positionals : undefined;
  if (merge && merge.length === 0) throw new UsageError("--merge needs the shard result files as arguments.");
  if (!merge && args.positionals.length > 0) throw new UsageError(`Unexpected argument "${args.positionals[0]}".`);
  if (merge && shard) throw new UsageError("--merge and --shard do not go together.");
  return evalCommand({ root: args.str("root") ?? ctx.cwd, mock, scenario: args.str("scenario"), seed, shard, out: args.str("out"), merge, summaryFile: args.str("summary-file"), json: args.flag("json") }, ctx, isTty);
}
