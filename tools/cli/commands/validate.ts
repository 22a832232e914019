import { parse, requireDate } from "../args.ts";
import { checkRepository } from "../check-repository.ts";
import { colors } from "../color.ts";
import type { CliContext } from "../context.ts";
import { EXIT } from "../errors.ts";
import { annotate, formatDiagnostics, summaryLine } from "../report-diagnostics.ts";

export const VALIDATE_HELP = `Usage: llmcfg validate [options]

Check every file under providers/, prompts/ and experiments/: YAML syntax, the JSON Schemas,
then the semantic rules. Prints findings as path:line:col with a hint for each.

Options:
  --root <dir>        Repository root (default: current directory)
  --strict            Treat warnings as errors
  --today <date>      Date for lifecycle checks, YYYY-MM-DD (default: today, UTC)
  --json              Print findings as JSON
  -h, --help          Show this help

Exit codes: 0 clean (warnings allowed), 1 findings, 2 usage or internal error.
`;

export interface ValidateOptions {
  root: string;
  strict: boolean;
  json: boolean;
  today?: string;
}

export async function validateCommand(options: ValidateOptions, ctx: CliContext, isTty = false): Promise<number> {
  const checked = await checkRepository(options);
  annotate(checked.diagnostics, ctx);
  if (options.json) {
    ctx.stdout(`${JSON.stringify({ ok: !checked.failed, files: checked.sources.length, diagnostics: checked.diagnostics }, null, 2)}\n`);
  } else {
    const c = colors(ctx, isTty);
    ctx.stdout(formatDiagnostics(checked.diagnostics, c));
    ctx.stdout(summaryLine(checked.diagnostics, checked.sources.length, c));
  }
  return checked.failed ? EXIT.findings : EXIT.ok;
}

export async function runValidate(argv: string[], ctx: CliContext, isTty: boolean): Promise<number> {
  const args = parse("validate", argv, {
    root: { type: "string" },
    strict: { type: "boolean" },
    today: { type: "string" },
    json: { type: "boolean" },
  });
  return validateCommand(
    { root: args.str("root") ?? ctx.cwd, strict: args.flag("strict"), json: args.flag("json"), today: requireDate(args.str("today"), "--today") },
    ctx,
    isTty,
  );
}
