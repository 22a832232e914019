import { compileBundles, type CompiledBundle } from "../core/compile/compile-bundle.ts";
import { headCommit } from "../io/git.ts";
import { checkRepository, type CheckedRepository, type CheckOptions } from "./check-repository.ts";
import type { Colors } from "./color.ts";
import type { CliContext } from "./context.ts";
import { annotate, formatDiagnostics, summaryLine } from "./report-diagnostics.ts";

export type Compiled = { ok: true; checked: CheckedRepository; compiled: CompiledBundle[]; sourceCommit: string | null } | { ok: false; checked: CheckedRepository };

/**
 * Validate and compile for commands that need bundles (version, verify, eval). Findings are
 * printed; compilation happens only when there are no errors.
 */
export async function compileRepository(options: CheckOptions & { sourceCommit?: string | null }, ctx: CliContext, c: Colors, quiet = false): Promise<Compiled> {
  const checked = await checkRepository(options);
  annotate(checked.diagnostics, ctx);
  const errors = checked.diagnostics.filter((d) => d.severity === "error");
  if (!quiet || errors.length > 0) ctx.stdout(formatDiagnostics(quiet ? errors : checked.diagnostics, c));
  if (checked.failed) {
    ctx.stdout(summaryLine(checked.diagnostics, checked.sources.length, c));
    return { ok: false, checked };
  }
  const sourceCommit = options.sourceCommit !== undefined ? options.sourceCommit : await headCommit(checked.root);
  return { ok: true, checked, compiled: compileBundles(checked.model, { sourceCommit }), sourceCommit };
}
