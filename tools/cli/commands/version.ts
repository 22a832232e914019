import { renderEntry } from "../../core/release/changelog.ts";
import { releasePath } from "../../core/release/ledger.ts";
import { planReleases } from "../../core/release/plan-release.ts";
import { verifyLedger } from "../../core/release/verify-ledger.ts";
import { todayUtc } from "../../io/clock.ts";
import { headCommitDate } from "../../io/git.ts";
import { readLedgerFiles } from "../../io/ledger-files.ts";
import { applyWrites } from "../../io/write-files.ts";
import { parse, requireDate, requireSha } from "../args.ts";
import { colors } from "../color.ts";
import { compileRepository } from "../compile-repository.ts";
import type { CliContext } from "../context.ts";
import { EXIT } from "../errors.ts";
import { formatDiagnostics } from "../report-diagnostics.ts";

export const VERSION_HELP = `Usage: llmcfg version [options]

Compare each feature's freshly compiled bundle with its latest release and record the next
release: semver bump from the contract diff, releases/<feature>/<version>.json, the feature's
CHANGELOG.md and releases/index.json. Commit the files it writes in the same pull request.

Options:
  --dry-run             Print the plan and the changelog entries; write nothing
  --root <dir>          Repository root (default: current directory)
  --date <date>         Release date, YYYY-MM-DD (default: date of the HEAD commit)
  --source-commit <sha> Commit recorded in the releases (default: git HEAD)
  --today <date>        Date for lifecycle checks (default: today, UTC)
  --json                Print the plan as JSON
  -h, --help            Show this help

Exit codes: 0 planned or written (or nothing to release), 1 findings, 2 usage or internal error.
`;

export interface VersionOptions {
  root: string;
  dryRun: boolean;
  json: boolean;
  date?: string;
  sourceCommit?: string | null;
  today?: string;
}

export async function versionCommand(options: VersionOptions, ctx: CliContext, isTty = false): Promise<number> {
  const c = colors(ctx, isTty);
  const result = await compileRepository({ root: options.root, strict: false, today: options.today, sourceCommit: options.sourceCommit }, ctx, c, true);
  if (!result.ok) return EXIT.findings;
  const files = await readLedgerFiles(result.checked.root);
  // A ledger that is already broken (or a released prompt edited) must be fixed first.
  const verified = verifyLedger({ files, model: result.checked.model, compiled: result.compiled });
  const broken = verified.diagnostics.filter((d) => d.code !== "unreleased-changes" && d.code !== "changelog-drift");
  if (broken.length > 0) {
    ctx.stdout(formatDiagnostics(broken, c));
    ctx.stdout(`${c.red("✖")} The release ledger has problems; nothing was planned.\n`);
    return EXIT.findings;
  }
  const { ledger } = verified;
  const date = options.date ?? (await headCommitDate(result.checked.root)) ?? todayUtc();
  const plan = planReleases(ledger, result.compiled, { sourceCommit: result.sourceCommit, date });
  if (!options.dryRun) await applyWrites(result.checked.root, plan.writes);
  if (options.json) {
    const releases = plan.releases.map((r) => ({ feature: r.feature, ...r.entry }));
    ctx.stdout(`${JSON.stringify({ ok: true, dry_run: options.dryRun, releases, unchanged: plan.unchanged, writes: plan.writes.map((w) => w.path) }, null, 2)}\n`);
    return EXIT.ok;
  }
  if (plan.releases.length === 0) {
    ctx.stdout(plan.unchanged.length ? `Nothing to release: every feature matches its latest release (${plan.unchanged.join(", ")}).\n` : "Nothing to release: there are no features.\n");
    return EXIT.ok;
  }
  const bundles = new Map(plan.releases.map((r) => [releasePath(r.feature, r.entry.version), r.bundle]));
  for (const [path, stored] of ledger.bundles) bundles.set(path, stored.bundle);
  for (const { feature, entry } of plan.releases) {
    const arrow = entry.previous ? `${entry.previous} → ${entry.version}` : entry.version;
    ctx.stdout(`${c.bold(feature)}  ${arrow}  (${entry.bump})\n\n`);
    ctx.stdout(`${renderEntry(entry, (v) => bundles.get(releasePath(feature, v)))}\n`);
  }
  if (plan.unchanged.length > 0) ctx.stdout(`Unchanged: ${plan.unchanged.join(", ")}.\n`);
  ctx.stdout(`${options.dryRun ? "Would write" : "Wrote"}:\n${plan.writes.map((w) => `  ${w.path}\n`).join("")}`);
  ctx.stdout(options.dryRun ? "Run without --dry-run to write them, then commit them with your change.\n" : "Commit these files with your change.\n");
  return EXIT.ok;
}

export async function runVersion(argv: string[], ctx: CliContext, isTty: boolean): Promise<number> {
  const args = parse("version", argv, {
    "dry-run": { type: "boolean" },
    root: { type: "string" },
    date: { type: "string" },
    "source-commit": { type: "string" },
    today: { type: "string" },
    json: { type: "boolean" },
  });
  const commit = requireSha(args.str("source-commit"), "--source-commit");
  return versionCommand(
    { root: args.str("root") ?? ctx.cwd, dryRun: args.flag("dry-run"), json: args.flag("json"), date: requireDate(args.str("date"), "--date"), sourceCommit: commit, today: requireDate(args.str("today"), "--today") },
    ctx,
    isTty,
  );
}
