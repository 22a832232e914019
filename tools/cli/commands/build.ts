import { join, relative, resolve } from "node:path";
import { compileBundles } from "../../core/compile/compile-bundle.ts";
import { schemaErrors } from "../../core/schema/validate-against-schema.ts";
import { headCommit } from "../../io/git.ts";
import { applyWrites, removeDir } from "../../io/write-files.ts";
import { parse, requireDate, requireSha } from "../args.ts";
import { checkRepository } from "../check-repository.ts";
import { colors } from "../color.ts";
import type { CliContext } from "../context.ts";
import { EXIT } from "../errors.ts";
import { annotate, formatDiagnostics, plural, summaryLine } from "../report-diagnostics.ts";

export const BUILD_HELP = `Usage: llmcfg build [options]

Validate, then compile one self-contained bundle per feature into <out>/bundles/<feature>.json
(canonical JSON with a sha256 content hash). Nothing is written when validation fails.

Options:
  --root <dir>          Repository root (default: current directory)
  --out <dir>           Output directory (default: <root>/dist)
  --source-commit <sha> Commit recorded in the bundles (default: git HEAD, or null outside git)
  --strict              Treat warnings as errors
  --today <date>        Date for lifecycle checks, YYYY-MM-DD (default: today, UTC)
  --json                Print the result as JSON
  -h, --help            Show this help

Exit codes: 0 built, 1 findings (nothing written), 2 usage or internal error.
`;

export interface BuildOptions {
  root: string;
  out?: string;
  sourceCommit?: string | null;
  strict: boolean;
  json: boolean;
  today?: string;
}

export async function buildCommand(options: BuildOptions, ctx: CliContext, isTty = false): Promise<number> {
  const c = colors(ctx, isTty);
  const checked = await checkRepository(options);
  annotate(checked.diagnostics, ctx);
  if (!options.json) ctx.stdout(formatDiagnostics(checked.diagnostics, c));
  if (checked.failed) {
    if (options.json) ctx.stdout(`${JSON.stringify({ ok: false, diagnostics: checked.diagnostics, bundles: [] }, null, 2)}\n`);
    else ctx.stdout(`${summaryLine(checked.diagnostics, checked.sources.length, c)}Nothing was built.\n`);
    return EXIT.findings;
  }
  const sourceCommit = options.sourceCommit !== undefined ? options.sourceCommit : await headCommit(checked.root);
  const bundles = compileBundles(checked.model, { sourceCommit });
  for (const { feature, bundle } of bundles) {
    const problems = schemaErrors("bundle", bundle);
    if (problems.length > 0) throw new Error(`compiled bundle ${feature} violates schemas/bundle.schema.json: ${problems.join("; ")}`);
  }
  const out = resolve(options.out ?? join(checked.root, "dist"));
  await removeDir(join(out, "bundles"));
  await applyWrites(out, bundles.map((b) => ({ path: `bundles/${b.feature}.json`, contents: b.json })));
  if (options.json) {
    const rows = bundles.map((b) => ({ feature: b.feature, path: join(out, "bundles", `${b.feature}.json`), bytes: Buffer.byteLength(b.json), content_hash: b.bundle.content_hash }));
    ctx.stdout(`${JSON.stringify({ ok: true, diagnostics: checked.diagnostics, bundles: rows }, null, 2)}\n`);
    return EXIT.ok;
  }
  ctx.stdout(summaryLine(checked.diagnostics, checked.sources.length, c));
  ctx.stdout(`${c.green("Built")} ${plural(bundles.length, "bundle")} into ${relative(ctx.cwd, join(out, "bundles")) || "."} (source commit ${sourceCommit ?? "none"}):\n`);
  for (const { feature, bundle, json } of bundles) {
    const running = bundle.experiments.filter((e) => e.status === "running").length;
    const models = Object.values(bundle.providers).reduce((n, p) => n + Object.keys(p.models).length, 0);
    ctx.stdout(
      `  ${c.bold(feature)}  ${(Buffer.byteLength(json) / 1024).toFixed(1)} KiB  ${bundle.content_hash.slice(0, 19)}…  ` +
        `${plural(Object.keys(bundle.prompts).length, "prompt version")}, ${plural(models, "model")}, ` +
        `${plural(bundle.experiments.length, "experiment")} (${running} running)${bundle.kill_switch ? c.red("  KILL SWITCH ON") : ""}\n`,
    );
  }
  return EXIT.ok;
}

export async function runBuild(argv: string[], ctx: CliContext, isTty: boolean): Promise<number> {
  const args = parse("build", argv, {
    root: { type: "string" },
    out: { type: "string" },
    "source-commit": { type: "string" },
    strict: { type: "boolean" },
    today: { type: "string" },
    json: { type: "boolean" },
  });
  const commit = requireSha(args.str("source-commit"), "--source-commit");
  return buildCommand(
    {
      root: args.str("root") ?? ctx.cwd,
      out: args.str("out"),
      sourceCommit: commit,
      strict: args.flag("strict"),
      json: args.flag("json"),
      today: requireDate(args.str("today"), "--today"),
    },
    ctx,
    isTty,
  );
}
