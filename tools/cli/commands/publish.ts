import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseChannels } from "../../core/release/channels.ts";
import { CHANNELS_PATH } from "../../core/release/ledger.ts";
import { planPublish, publishActions } from "../../core/release/publish-plan.ts";
import { readLedger } from "../../core/release/read-ledger.ts";
import { readLedgerFiles } from "../../io/ledger-files.ts";
import { PUBLIC_KEY_PATH, SIGNING_KEY_ENV, signerFromPem, verifySignature } from "../../io/signing.ts";
import { applyWrites } from "../../io/write-files.ts";
import { parse } from "../args.ts";
import { colors } from "../color.ts";
import type { CliContext } from "../context.ts";
import { EXIT, UsageError } from "../errors.ts";
import { formatDiagnostics, plural } from "../report-diagnostics.ts";

export const PUBLISH_HELP = `Usage: llmcfg publish --out <dir> [options]

Lay out every released bundle as a static tree any static host can serve to Rails:
  <feature>/<version>/bundle.json, .sha256 and .sig   immutable
  <feature>/channels/<name>.json                       version, sha256 and URL per channel
  index.json                                           every feature, version and channel
Idempotent: identical files are skipped; an existing version with different bytes is an error.

Signing: the Ed25519 private key (PKCS#8 PEM) is read from $${SIGNING_KEY_ENV}; each signature
is checked against ${PUBLIC_KEY_PATH} before anything is written.

Options:
  --out <dir>        Target directory (required)
  --base-url <url>   Prefix for URLs in pointers and the index (default: relative paths)
  --unsigned         Publish without signatures (local previews only)
  --root <dir>       Repository root (default: current directory)
  -h, --help         Show this help

Exit codes: 0 published, 1 conflict or ledger problem, 2 usage or internal error.
`;

export interface PublishOptions {
  root: string;
  out: string;
  baseUrl?: string;
  unsigned: boolean;
}

export async function publishCommand(options: PublishOptions, ctx: CliContext, isTty = false): Promise<number> {
  const c = colors(ctx, isTty);
  const files = await readLedgerFiles(options.root);
  const { ledger, diagnostics } = readLedger(files);
  const channels = parseChannels(files.get(CHANNELS_PATH), ledger.index);
  diagnostics.push(...channels.diagnostics);
  if (diagnostics.length > 0) {
    ctx.stdout(formatDiagnostics(diagnostics, c));
    return EXIT.findings;
  }
  let sign: ((data: string) => string) | undefined;
  if (!options.unsigned) {
    const pem = ctx.env[SIGNING_KEY_ENV];
    if (!pem) throw new UsageError(`$${SIGNING_KEY_ENV} is not set. Set it to the Ed25519 private key (PEM), or pass --unsigned for a local preview.`);
    const publicPem = await readFile(join(options.root, PUBLIC_KEY_PATH), "utf8").catch(() => {
      throw new UsageError(`${PUBLIC_KEY_PATH} is missing: run "llmcfg keygen" to create the key pair.`);
    });
    const signer = signerFromPem(pem);
    if (!verifySignature(publicPem, "probe", signer("probe"))) {
      throw new UsageError(`$${SIGNING_KEY_ENV} does not match ${PUBLIC_KEY_PATH}: rotate with "llmcfg keygen" and update the secret.`);
    }
    sign = signer;
  }
  const out = resolve(options.out);
  const actions = publishActions(planPublish(ledger, channels.channels, { sign, baseUrl: options.baseUrl }), (path) => readExisting(join(out, path)));
  const conflicts = actions.filter((a) => a.action === "conflict");
  if (conflicts.length > 0) {
    for (const a of conflicts) ctx.stdout(`${c.red("✖")} ${a.file.path} already exists with different bytes; published versions are never overwritten.\n`);
    ctx.stdout("    hint: Something changed a released bundle. Run \"llmcfg verify\" and restore it; ship changes as a new version.\n");
    return EXIT.findings;
  }
  const writes = actions.filter((a) => a.action === "write").map((a) => a.file);
  await applyWrites(out, writes);
  ctx.stdout(`${c.green("✔")} Published to ${options.out}: ${plural(writes.length, "file")} written, ${plural(actions.length - writes.length, "file")} unchanged${sign ? "" : " (unsigned)"}.\n`);
  for (const w of writes) ctx.stdout(`  ${w.path}\n`);
  return EXIT.ok;
}

function readExisting(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

export async function runPublish(argv: string[], ctx: CliContext, isTty: boolean): Promise<number> {
  const args = parse("publish", argv, { out: { type: "string" }, "base-url": { type: "string" }, unsigned: { type: "boolean" }, root: { type: "string" } });
  const out = args.str("out");
  if (!out) throw new UsageError("--out <dir> is required.");
  return publishCommand({ root: args.str("root") ?? ctx.cwd, out: resolve(ctx.cwd, out), baseUrl: args.str("base-url"), unsigned: args.flag("unsigned") }, ctx, isTty);
}
