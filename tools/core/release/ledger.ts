import type { Bundle } from "../compile/bundle-types.ts";
import type { Bump, Change } from "./types.ts";

export const LEDGER_FORMAT_VERSION = 1 as const;
export const RELEASES_DIR = "releases";
export const INDEX_PATH = `${RELEASES_DIR}/index.json`;
export const CHANNELS_PATH = `${RELEASES_DIR}/channels.yaml`;

export const releasePath = (feature: string, version: string) => `${RELEASES_DIR}/${feature}/${version}.json`;
export const CHANGELOG_FILE = "CHANGELOG.md";
export const changelogPath = (feature: string) => `${RELEASES_DIR}/${feature}/${CHANGELOG_FILE}`;

/** One release in the index: everything the changelog says, plus the bytes' checksum. */
export interface ReleaseEntry {
  version: string;
  previous: string | null;
  bump: Bump | "initial";
  /** Commit date of the source commit (YYYY-MM-DD), or the date given with --date. */
  date: string;
  source_commit: string | null;
  /** sha256 hex of the release file's bytes. */
  sha256: string;
  content_hash: string;
  changes: Change[];
  warnings: string[];
}

/** releases/index.json: per feature, releases oldest first. Only ever appended to. */
export interface LedgerIndex {
  format_version: typeof LEDGER_FORMAT_VERSION;
  features: Record<string, ReleaseEntry[]>;
}

/** The ledger as read: the index, and every release file's parsed bundle and raw text. */
export interface Ledger {
  index: LedgerIndex;
  bundles: Map<string, { bundle: Bundle; text: string }>;
}

export function emptyIndex(): LedgerIndex {
  return { format_version: LEDGER_FORMAT_VERSION, features: {} };
}

export function latestEntry(index: LedgerIndex, feature: string): ReleaseEntry | undefined {
  const entries = index.features[feature];
  return entries?.[entries.length - 1];
}
