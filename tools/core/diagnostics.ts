/** Findings are data until the CLI edge: the core never prints and never exits. */
export type Severity = "error" | "warning";

export interface Diagnostic {
  /** Stable rule id, like eslint's: tests, docs and suppressions key on it. */
  code: string;
  severity: Severity;
  /** Repository-relative path with forward slashes. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  message: string;
  /** How to fix it. */
  hint?: string;
}

export interface Position {
  line: number;
  column: number;
}

export const START: Position = { line: 1, column: 1 };

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Sort by file, then position, then code: output order must not depend on rule order. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.code, b.code) || compare(a.message, b.message),
  );
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** With --strict every warning counts as an error. */
export function applyStrict(diagnostics: Diagnostic[], strict: boolean): Diagnostic[] {
  return strict ? diagnostics.map((d) => ({ ...d, severity: "error" as const })) : diagnostics;
}
