import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json.ts";

/** Fields outside the hash: the hash itself, and what says where and when, not what. */
export const UNHASHED_FIELDS = ["content_hash", "source_commit", "version"] as const;

/** sha256 of the canonical bundle without its unhashed fields, as "sha256:<hex>". */
export function contentHash(bundle: Record<string, unknown>): string {
  const hashed = { ...bundle };
  for (const field of UNHASHED_FIELDS) delete hashed[field];
  return `sha256:${sha256Hex(canonicalJson(hashed))}`;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}
