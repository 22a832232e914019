import type { CompiledBundle } from "../compile/compile-bundle.ts";
import { compilePrompt } from "../compile/compile-bundle.ts";
import { canonicalJson } from "../compile/canonical-json.ts";
import { contentHash, sha256Hex } from "../compile/content-hash.ts";
import type { Diagnostic } from "../diagnostics.ts";
import type { ConfigModel } from "../model/load-model.ts";
import { schemaErrors } from "../schema/validate-against-schema.ts";
import { renderChangelog } from "./changelog.ts";
import { CHANGELOG_FILE, INDEX_PATH, changelogPath, releasePath, type Ledger } from "./ledger.ts";
import { ledgerDiagnostic as fail, readLedger, releaseFilesIn, type LedgerFiles } from "./read-ledger.ts";

export interface VerifyInput {
  /** Ledger files in the working tree. */
  files: LedgerFiles;
  /** The validated sources and what they compile to now. */
  model: ConfigModel;
  compiled: readonly CompiledBundle[];
  /** Ledger files at the base ref (`verify --base`), when checking a pull request. */
  base?: LedgerFiles;
  baseRef?: string;
}

/** Every way the append-only ledger can be broken, as diagnostics. Pure. */
export function verifyLedger(input: VerifyInput): { ledger: Ledger; diagnostics: Diagnostic[] } {
  const { ledger, diagnostics } = readLedger(input.files);
  // Without a readable index every release file looks unlisted: report the cause only.
  if (diagnostics.some((d) => d.code === "ledger-index-invalid")) return { ledger, diagnostics };
  diagnostics.push(...checkFiles(input.files, ledger));
  diagnostics.push(...checkChangelogs(input.files, ledger));
  diagnostics.push(...checkPromptsImmutable(input.model, ledger));
  diagnostics.push(...checkReleased(input.compiled, ledger));
  if (input.base) diagnostics.push(...checkAgainstBase(input.base, input.files, ledger, input.baseRef ?? "the base"));
  return { ledger, diagnostics };
}

function checkFiles(files: LedgerFiles, ledger: Ledger): Diagnostic[] {
  const out: Diagnostic[] = [];
  const listed = new Set<string>();
  for (const [feature, entries] of Object.entries(ledger.index.features)) {
    for (const entry of entries) {
      const path = releasePath(feature, entry.version);
      listed.add(path);
      const text = files.get(path);
      if (text === undefined) {
        out.push(fail("release-missing", path, `${feature}@${entry.version} is in the index but its release file is gone.`, "Restore the file from git history: released versions are never deleted."));
        continue;
      }
      if (sha256Hex(text) !== entry.sha256) {
        out.push(fail("release-checksum", path, `${feature}@${entry.version} does not match its recorded sha256: the released bytes were changed.`, "Restore the file from git; to change the bundle, change the sources and run `llmcfg version`."));
      }
      const stored = ledger.bundles.get(path);
      if (!stored) continue;
      const problems = schemaErrors("bundle", stored.bundle);
      if (problems.length > 0) out.push(fail("release-content", path, `Release file violates the bundle schema: ${problems.slice(0, 3).join("; ")}.`, "Restore the file from git."));
      else if (stored.bundle.version !== entry.version || stored.bundle.id !== feature) out.push(fail("release-content", path, `Release file says ${stored.bundle.id}@${stored.bundle.version}, not ${feature}@${entry.version}.`, "Restore the file from git."));
      else if (contentHash(stored.bundle as unknown as Record<string, unknown>) !== stored.bundle.content_hash || stored.bundle.content_hash !== entry.content_hash) {
        out.push(fail("release-content", path, `Release file content does not match its content hash.`, "Restore the file from git."));
      } else if (canonicalJson(stored.bundle) !== text) {
        out.push(fail("release-content", path, `Release file is not in canonical form.`, "Restore the file from git."));
      }
    }
  }
  for (const file of releaseFilesIn(files)) {
    if (!listed.has(file.path)) out.push(fail("release-unlisted", file.path, `${file.feature}@${file.version} is not in ${INDEX_PATH}: release files are written only by \`llmcfg version\`.`, "Delete the file and run `llmcfg version`."));
  }
  return out;
}

function checkChangelogs(files: LedgerFiles, ledger: Ledger): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [feature, entries] of Object.entries(ledger.index.features)) {
    const path = changelogPath(feature);
    const expected = renderChangelog(feature, entries, (v) => ledger.bundles.get(releasePath(feature, v))?.bundle);
    if (files.get(path) !== expected) {
      out.push(fail("changelog-drift", path, `${CHANGELOG_FILE} of ${feature} differs from what the ledger generates (edited by hand, or missing).`, "Run `llmcfg version` to regenerate it; write release notes in the prompt's `changes` field instead."));
    }
  }
  return out;
}

/** A prompt version that shipped is frozen: its file must still compile to what was released. */
function checkPromptsImmutable(model: ConfigModel, ledger: Ledger): Diagnostic[] {
  const out: Diagnostic[] = [];
  const reported = new Set<string>();
  // Every release repeats the prompts it serves: compile each current prompt once.
  const currentText = new Map<string, string>();
  for (const [path, { bundle }] of ledger.bundles) {
    for (const [key, released] of Object.entries(bundle.prompts)) {
      const current = model.prompts.get(key);
      if (!current || reported.has(key)) continue;
      if (!currentText.has(key)) currentText.set(key, canonicalJson(compilePrompt(current.data)));
      if (currentText.get(key) !== canonicalJson(released)) {
        reported.add(key);
        const next = Math.max(...[...model.prompts.keys()].filter((k) => k.startsWith(`${released.id}@`)).map((k) => Number(k.split("@")[1]))) + 1;
        out.push({
          code: "released-prompt-edited",
          severity: "error",
          file: current.file.path,
          line: 1,
          column: 1,
          message: `${key} was released in ${bundle.id}@${bundle.version} (${path}) and is immutable, but this file changed.`,
          hint: `Revert this file and put the change in prompts/${released.id}/v${next}.yaml instead.`,
        });
      }
    }
  }
  return out;
}

function checkReleased(compiled: readonly CompiledBundle[], ledger: Ledger): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { feature, bundle } of compiled) {
    const entries = ledger.index.features[feature] ?? [];
    const latest = entries[entries.length - 1];
    if (!latest || latest.content_hash !== bundle.content_hash) {
      out.push(fail("unreleased-changes", `experiments/${feature}.yaml`, latest ? `Sources of ${feature} changed since ${latest.version} but no release was recorded.` : `${feature} has never been released.`, "Run `llmcfg version` and commit the files it writes in this pull request."));
    }
  }
  return out;
}

function checkAgainstBase(base: LedgerFiles, files: LedgerFiles, ledger: Ledger, ref: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of releaseFilesIn(base)) {
    const now = files.get(file.path);
    if (now === undefined) out.push(fail("release-deleted", file.path, `${file.feature}@${file.version} exists in ${ref} but was deleted.`, "Restore it: released versions are never deleted, even after a revert."));
    else if (now !== base.get(file.path)) out.push(fail("release-edited", file.path, `${file.feature}@${file.version} differs from ${ref}: released files are immutable.`, "Restore it from git; ship changes as a new version."));
  }
  const { ledger: before } = readLedger(base);
  for (const [feature, old] of Object.entries(before.index.features)) {
    const now = ledger.index.features[feature] ?? [];
    old.forEach((entry, i) => {
      if (now[i] === undefined || canonicalJson(now[i]) !== canonicalJson(entry)) {
        out.push(fail("ledger-rewritten", INDEX_PATH, `The index entry for ${feature}@${entry.version} in ${ref} was changed or removed: the ledger is append-only.`, `Restore ${INDEX_PATH} from ${ref} and re-run \`llmcfg version\`.`));
      }
    });
  }
  return dedupe(out);
}

function dedupe(out: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return out.filter((d) => (seen.has(d.message) ? false : (seen.add(d.message), true)));
}
