import { sortDiagnostics } from "../../core/diagnostics.ts";
import { CHANNELS_PATH } from "../../core/release/ledger.ts";
import { parseChannels } from "../../core/release/channels.ts";
import { verifyLedger } from "../../core/release/verify-ledger.ts";
import { readLedgerFiles, readLedgerFilesAt } from "../../io/ledger-files.ts";
import { parse, requireDate } from "../args.ts";
import { colors } from "../color.ts";
import { compileRepository } from "../compile-repository.ts";
import type { CliContext } from "../context.ts";
import { EXIT, UsageError } from "../errors.ts";
import { annotate, formatDiagnostics, plural } from "../report-diagnostics.ts";

export const VERIFY_HELP = `Usage: llmcfg verify [options]

Check the append-only release ledger: every release file present with the checksum the index
records, no hand edits (release files and changelogs are exactly what \`llmcfg version\` writes),
no released prompt version edited, no unreleased source changes, channels pointing at
released versions. With --base, also that nothing released at the base ref was edited,
deleted or renumbered.

Options:
  --base <ref>     Git ref to compare against (a pull request's base branch)
  --root <dir>     Repository root (default: current directory)
  --today <date>   Date for lifecycle checks (default: today, UTC)
  --json           Print findings as JSON
  -h, --help       Show this help

Exit codes: 0 intact, 1 findings, 2 usage or internal error.
`;

export interface VerifyOptions {
  root: string;
  base?: string;
  json: boolean;
  today?: string;
}

export async function verifyCommand(options: VerifyOptions, ctx: CliContext, isTty = false): Promise<number> {
  const c = colors(ctx, isTty);
  const result = await compileRepository({ root: options.root, strict: false, today: options.today }, ctx, c, true);
  if (!result.ok) return EXIT.findings;
  const files = await readLedgerFiles(result.checked.root);
  const base = options.base === undefined ? undefined : await readLedgerFilesAt(result.checked.root, options.base);
  if (options.base !== undefined && base === undefined) throw new UsageError(`--base "${options.base}" is not a commit in this repository (fetch it first, e.g. git fetch origin main).`);
  const { ledger, diagnostics } = verifyLedger({ files, model: result.checked.model, compiled: result.compiled, base, baseRef: options.base });
  diagnostics.push(...parseChannels(files.get(CHANNELS_PATH), ledger.index).diagnostics);
  sortDiagnostics(diagnostics);
  annotate(diagnostics, ctx);
  if (options.json) {
    ctx.stdout(`${JSON.stringify({ ok: diagnostics.length === 0, diagnostics }, null, 2)}\n`);
  } else if (diagnostics.length > 0) {
    ctx.stdout(formatDiagnostics(diagnostics, c));
    ctx.stdout(`${c.red("✖")} ${plural(diagnostics.length, "problem")} in the release ledger.\n`);
  } else {
    const { index } = ledger;
    const count = Object.values(index.features).reduce((n, e) => n + e.length, 0);
    ctx.stdout(`${c.green("✔")} Ledger intact: ${plural(count, "release")} of ${plural(Object.keys(index.features).length, "feature")}${options.base ? `, append-only against ${options.base}` : ""}.\n`);
  }
  return diagnostics.length > 0 ? EXIT.findings : EXIT.ok;
}

export async function runVerify(argv: string[], ctx: CliContext, isTty: boolean): Promise<number> {
  const args = parse("verify", argv, { base: { type: "string" }, root: { type: "string" }, today: { type: "string" }, json: { type: "boolean" } });
  return verifyCommand({ root: args.str("root") ?? ctx.cwd, base: args.str("base"), json: args.flag("json"), today: requireDate(args.str("today"), "--today") }, ctx, isTty);
}
