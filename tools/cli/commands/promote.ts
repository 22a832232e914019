import { join } from "node:path";
import { readFile } from "node:fs/promises";
import { CHANNELS_PATH } from "../../core/release/ledger.ts";
import { promote } from "../../core/release/channels.ts";
import { readLedger } from "../../core/release/read-ledger.ts";
import { readLedgerFiles } from "../../io/ledger-files.ts";
import { applyWrites } from "../../io/write-files.ts";
import { parse } from "../args.ts";
import { colors } from "../color.ts";
import type { CliContext } from "../context.ts";
import { EXIT, UsageError } from "../errors.ts";

export const PROMOTE_HELP = `Usage: llmcfg promote <feature> <version> --channel <name> --reason <text> [options]

Point a channel (production, staging, ...) of a feature at a released version by editing
releases/channels.yaml. Rolling back is promoting an older version. Commit the change and open
a pull request: once merged, Rails picks it up within its polling interval.

Options:
  --channel <name>   Channel to move (required)
  --reason <text>    Why (required; recorded in the file and the review)
  --allow-major      Allow a move across a major version (Rails code must match it)
  --root <dir>       Repository root (default: current directory)
  -h, --help         Show this help

Exit codes: 0 moved, 1 refused, 2 usage or internal error.
`;

export interface PromoteOptions {
  root: string;
  feature: string;
  version: string;
  channel: string;
  reason: string;
  allowMajor: boolean;
}

export async function promoteCommand(options: PromoteOptions, ctx: CliContext, isTty = false): Promise<number> {
  const c = colors(ctx, isTty);
  const files = await readLedgerFiles(options.root);
  const { ledger } = readLedger(files);
  const current = await readFile(join(options.root, CHANNELS_PATH), "utf8").catch(() => undefined);
  const result = promote(current, ledger.index, options);
  if (!result.ok) {
    ctx.stdout(`${c.red("✖")} ${result.message}\n    ${c.dim("hint:")} ${result.hint}\n`);
    return EXIT.findings;
  }
  await applyWrites(options.root, [{ path: CHANNELS_PATH, contents: result.text }]);
  const move = result.from ? `${result.from} → ${options.version}` : options.version;
  ctx.stdout(`${c.green("✔")} ${options.feature}/${options.channel}: ${move}. Commit ${CHANNELS_PATH} and open a pull request.\n`);
  return EXIT.ok;
}

export async function runPromote(argv: string[], ctx: CliContext, isTty: boolean): Promise<number> {
  const args = parse("promote", argv, { channel: { type: "string" }, reason: { type: "string" }, "allow-major": { type: "boolean" }, root: { type: "string" } }, true);
  const [feature, version, ...extra] = args.positionals;
  if (!feature || !version || extra.length > 0) throw new UsageError('promote takes exactly <feature> <version>. Run "llmcfg promote --help".');
  const channel = args.str("channel");
  const reason = args.str("reason");
  if (!channel) throw new UsageError("--channel <name> is required (e.g. --channel production).");
  if (!reason) throw new UsageError('--reason <text> is required (e.g. --reason "Roll back: 1.3.0 breaks output validity").');
  return promoteCommand({ root: args.str("root") ?? ctx.cwd, feature, version, channel, reason, allowMajor: args.flag("allow-major") }, ctx, isTty);
}
