import { canonicalJson } from "../compile/canonical-json.ts";
import type { Channels } from "./channels.ts";
import { releasePath, type Ledger } from "./ledger.ts";
import type { FileWrite } from "./types.ts";

export interface PublishFile extends FileWrite {
  /** Immutable files are written once; an existing copy with other bytes is a hard error. */
  immutable: boolean;
}

export interface PublishOptions {
  /** Detached Ed25519 signature (base64) of the given bytes; absent publishes unsigned. */
  sign?: (data: string) => string;
  /** Prefix for URLs in pointers and the index; relative paths when absent. */
  baseUrl?: string;
}

/**
 * The static tree Rails pulls from any static host:
 *   <feature>/<version>/bundle.json (+ .sha256, + .sig)   immutable
 *   <feature>/channels/<channel>.json                       small mutable pointers
 *   index.json                                              every feature, version and channel
 */
export function planPublish(ledger: Ledger, channels: Channels, options: PublishOptions = {}): PublishFile[] {
  const url = (path: string) => (options.baseUrl ? `${options.baseUrl.replace(/\/+$/, "")}/${path}` : path);
  const files: PublishFile[] = [];
  const index: Record<string, { versions: { version: string; sha256: string; url: string }[]; channels: Record<string, string> }> = {};
  for (const feature of Object.keys(ledger.index.features).sort()) {
    const entries = ledger.index.features[feature]!;
    index[feature] = { versions: [], channels: {} };
    for (const entry of entries) {
      const stored = ledger.bundles.get(releasePath(feature, entry.version));
      if (!stored) throw new Error(`release file ${releasePath(feature, entry.version)} is missing; run "llmcfg verify"`);
      const base = `${feature}/${entry.version}/bundle.json`;
      files.push({ path: base, contents: stored.text, immutable: true });
      files.push({ path: `${base}.sha256`, contents: `${entry.sha256}  bundle.json\n`, immutable: true });
      if (options.sign) files.push({ path: `${base}.sig`, contents: `${options.sign(stored.text)}\n`, immutable: true });
      index[feature].versions.push({ version: entry.version, sha256: entry.sha256, url: url(base) });
    }
    for (const [name, pointer] of Object.entries(channels[feature] ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
      const entry = entries.find((e) => e.version === pointer.version);
      if (!entry) throw new Error(`channel ${feature}/${name} points at unreleased ${pointer.version}; run "llmcfg verify"`);
      const target = `${feature}/${entry.version}/bundle.json`;
      const body = { feature, channel: name, version: entry.version, sha256: entry.sha256, url: url(target), signature_url: options.sign ? url(`${target}.sig`) : null, reason: pointer.reason };
      files.push({ path: `${feature}/channels/${name}.json`, contents: canonicalJson(body), immutable: false });
      index[feature].channels[name] = entry.version;
    }
  }
  files.push({ path: "index.json", contents: canonicalJson({ format_version: 1, features: index }), immutable: false });
  return files;
}

export type PublishAction = { file: PublishFile; action: "write" | "skip" } | { file: PublishFile; action: "conflict" };

/** Decide per file against what the target already holds; never overwrite an immutable file. */
export function publishActions(files: readonly PublishFile[], existing: (path: string) => string | undefined): PublishAction[] {
  return files.map((file) => {
    const current = existing(file.path);
    if (current === undefined) return { file, action: "write" };
    if (current === file.contents) return { file, action: "skip" };
    return file.immutable ? { file, action: "conflict" } : { file, action: "write" };
  });
}
