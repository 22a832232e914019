import * as core from "@actions/core";
import type { Diagnostic } from "../core/diagnostics.ts";
import type { Colors } from "./color.ts";
import type { CliContext } from "./context.ts";

/** tsc-style lines: `path:line:col  error  message  [code]` with the hint underneath. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], c: Colors): string {
  return diagnostics
    .map((d) => {
      const severity = d.severity === "error" ? c.red("error") : c.yellow("warning");
      const head = `${c.bold(`${d.file}:${d.line}:${d.column}`)}  ${severity}  ${d.message}  ${c.dim(`[${d.code}]`)}`;
      return d.hint ? `${head}\n    ${c.dim("hint:")} ${d.hint}\n` : `${head}\n`;
    })
    .join("");
}

export function summaryLine(diagnostics: readonly Diagnostic[], fileCount: number, c: Colors): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const files = new Set(diagnostics.map((d) => d.file)).size;
  const counts = `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
  if (diagnostics.length === 0) return `${c.green("✔")} ${fileCount} files checked, no problems.\n`;
  const mark = errors > 0 ? c.red("✖") : c.yellow("⚠");
  return `${mark} ${counts} in ${plural(files, "file")} (${fileCount} files checked).\n`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * Under GitHub Actions, annotations put each finding on the pull request diff. GitHub shows at
 * most 10 of each severity per step, so errors go first.
 */
export function annotate(diagnostics: readonly Diagnostic[], ctx: CliContext): void {
  if (ctx.env.GITHUB_ACTIONS !== "true") return;
  const ordered = [...diagnostics].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  for (const d of ordered) {
    const props = { title: d.code, file: d.file, startLine: d.line, startColumn: d.column };
    const text = d.hint ? `${d.message}\n${d.hint}` : d.message;
    if (d.severity === "error") core.error(text, props);
    else core.warning(text, props);
  }
}
