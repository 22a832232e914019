import type { Bundle } from "../compile/bundle-types.ts";
import type { Diagnostic } from "../diagnostics.ts";
import { schemaErrors } from "../schema/validate-against-schema.ts";
import { INDEX_PATH, RELEASES_DIR, emptyIndex, releasePath, type Ledger, type LedgerIndex } from "./ledger.ts";

/** Raw ledger files, path -> text, as read from the working tree or from a git ref. */
export type LedgerFiles = ReadonlyMap<string, string>;

const RELEASE_FILE = new RegExp(`^${RELEASES_DIR}/([a-z][a-z0-9_]{1,63})/(\\d+\\.\\d+\\.\\d+)\\.json$`);

export function ledgerDiagnostic(code: string, file: string, message: string, hint: string): Diagnostic {
  return { code, severity: "error", file, line: 1, column: 1, message, hint };
}

/** Parse the index and every release file it lists; problems become diagnostics, not throws. */
export function readLedger(files: LedgerFiles): { ledger: Ledger; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let index: LedgerIndex = emptyIndex();
  const indexText = files.get(INDEX_PATH);
  if (indexText !== undefined) {
    try {
      const parsed = JSON.parse(indexText) as LedgerIndex;
      const problems = schemaErrors("releaseIndex", parsed);
      if (problems.length > 0) diagnostics.push(ledgerDiagnostic("ledger-index-invalid", INDEX_PATH, `The release index violates its schema: ${problems.slice(0, 3).join("; ")}.`, "Restore it from git; only `llmcfg version` writes it."));
      else index = parsed;
    } catch (error) {
      diagnostics.push(ledgerDiagnostic("ledger-index-invalid", INDEX_PATH, `The release index is not valid JSON: ${(error as Error).message}.`, "Restore it from git; only `llmcfg version` writes it."));
    }
  }
  const bundles: Ledger["bundles"] = new Map();
  for (const [feature, entries] of Object.entries(index.features)) {
    for (const entry of entries) {
      const path = releasePath(feature, entry.version);
      const text = files.get(path);
      if (text === undefined) continue;
      try {
        bundles.set(path, { bundle: JSON.parse(text) as Bundle, text });
      } catch (error) {
        diagnostics.push(ledgerDiagnostic("release-content", path, `Release file is not valid JSON: ${(error as Error).message}.`, "Restore it from git: released files are immutable."));
      }
    }
  }
  return { ledger: { index, bundles }, diagnostics };
}

/** Release files present on disk: feature and version parsed from each path. */
export function releaseFilesIn(files: LedgerFiles): { path: string; feature: string; version: string }[] {
  return [...files.keys()]
    .sort()
    .flatMap((path) => {
      const m = RELEASE_FILE.exec(path);
      return m ? [{ path, feature: m[1]!, version: m[2]! }] : [];
    });
}
