import semver from "semver";
import type { Bundle } from "../compile/bundle-types.ts";
import { canonicalJson } from "../compile/canonical-json.ts";
import type { CompiledBundle } from "../compile/compile-bundle.ts";
import { sha256Hex } from "../compile/content-hash.ts";
import { renderChangelog } from "./changelog.ts";
import { diffBundles } from "./diff-bundles.ts";
import { INDEX_PATH, changelogPath, releasePath, type Ledger, type LedgerIndex, type ReleaseEntry } from "./ledger.ts";
import { highest, type Change, type FileWrite } from "./types.ts";

export const INITIAL_VERSION = "1.0.0";

export interface ReleaseContext {
  /** Commit the sources come from (recorded in each release), or null. */
  sourceCommit: string | null;
  /** Release date, YYYY-MM-DD: the source commit's date, read by the command. */
  date: string;
}

export interface PlannedRelease {
  feature: string;
  entry: ReleaseEntry;
  bundle: Bundle;
}

export interface ReleasePlan {
  releases: PlannedRelease[];
  /** Features whose sources match their latest release. */
  unchanged: string[];
  writes: FileWrite[];
  index: LedgerIndex;
}

/** Next version of every feature whose compiled content differs from its latest release. */
export function planReleases(ledger: Ledger, compiled: readonly CompiledBundle[], ctx: ReleaseContext): ReleasePlan {
  const index: LedgerIndex = structuredClone(ledger.index);
  const releases: PlannedRelease[] = [];
  const unchanged: string[] = [];
  const writes: FileWrite[] = [];
  const bundles = new Map([...ledger.bundles].map(([path, v]) => [path, v.bundle]));
  for (const { feature, bundle: fresh } of compiled) {
    const entries = index.features[feature] ?? [];
    const latest = entries[entries.length - 1];
    if (latest && latest.content_hash === fresh.content_hash) {
      unchanged.push(feature);
      continue;
    }
    let changes: Change[];
    let warnings: string[] = [];
    let version = INITIAL_VERSION;
    let bump: ReleaseEntry["bump"] = "initial";
    if (latest) {
      const previous = bundles.get(releasePath(feature, latest.version));
      if (!previous) throw new Error(`release file ${releasePath(feature, latest.version)} is missing; run "llmcfg verify" first`);
      const diff = diffBundles(previous, fresh);
      changes = diff.changes.length > 0 ? diff.changes : [{ level: "patch", message: "Content changed without a visible field difference." }];
      warnings = diff.warnings;
      bump = highest(changes) ?? "patch";
      // Never reuse a number: step from the highest version ever released, not from the last.
      const top = semver.rsort(entries.map((e) => e.version))[0]!;
      version = semver.inc(top, bump)!;
    } else {
      changes = describeInitial(fresh);
    }
    const bundle: Bundle = { ...fresh, version, source_commit: ctx.sourceCommit };
    const text = canonicalJson(bundle);
    const entry: ReleaseEntry = {
      version,
      previous: latest?.version ?? null,
      bump,
      date: ctx.date,
      source_commit: ctx.sourceCommit,
      sha256: sha256Hex(text),
      content_hash: bundle.content_hash,
      changes,
      warnings,
    };
    index.features[feature] = [...entries, entry];
    bundles.set(releasePath(feature, version), bundle);
    writes.push({ path: releasePath(feature, version), contents: text });
    writes.push({ path: changelogPath(feature), contents: renderChangelog(feature, index.features[feature]!, (v) => bundles.get(releasePath(feature, v))) });
    releases.push({ feature, entry, bundle });
  }
  if (releases.length > 0) writes.push({ path: INDEX_PATH, contents: canonicalJson(index) });
  return { releases, unchanged, writes, index };
}

function describeInitial(bundle: Bundle): Change[] {
  const models = Object.values(bundle.providers).flatMap((p) => Object.keys(p.models).map((m) => `${p.id}/${m}`));
  return [
    { level: "minor", message: `Initial release serving ${Object.keys(bundle.prompts).map((k) => `\`${k}\``).join(", ")}.` },
    { level: "minor", message: `Default route: \`${bundle.default_route.prompt}\` on ${bundle.default_route.chain.map((a) => `\`${a.provider}/${a.model}\``).join(" → ")}.` },
    ...bundle.experiments.map((e) => ({ level: "minor" as const, message: `Experiment \`${e.id}\` (${e.status}): ${e.variants.map((v) => `\`${v.key}\` ${v.weight}%`).join(", ")}.` })),
    { level: "minor", message: `Models: ${models.map((m) => `\`${m}\``).join(", ")}.` },
  ];
}
