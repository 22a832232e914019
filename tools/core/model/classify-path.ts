export type FileKind =
  | { kind: "provider"; id: string }
  | { kind: "prompt"; id: string; version: number }
  | { kind: "feature"; id: string }
  | { kind: "unknown"; expected: string };

/** The source directories the compiler reads. Other files in them are reported, not ignored. */
export const SOURCE_DIRS = ["providers", "prompts", "experiments"] as const;

/** Non-config files that may live beside prompts (eval fixtures and their recordings). */
export function isAuxiliaryPath(path: string): boolean {
  return /^prompts\/[^/]+\/(evals\.yaml|recordings\/.+\.json)$/.test(path) || /(^|\/)README\.md$/.test(path);
}

/** What a repository-relative path must contain, decided by where it lives. */
export function classifyPath(path: string): FileKind {
  let m = /^providers\/([^/]+)\.yaml$/.exec(path);
  if (m) return { kind: "provider", id: m[1]! };
  m = /^prompts\/([^/]+)\/v([1-9][0-9]*)\.yaml$/.exec(path);
  if (m) return { kind: "prompt", id: m[1]!, version: Number(m[2]) };
  m = /^experiments\/([^/]+)\.yaml$/.exec(path);
  if (m) return { kind: "feature", id: m[1]! };
  if (path.startsWith("providers/")) return { kind: "unknown", expected: "providers/<provider>.yaml" };
  if (path.startsWith("prompts/")) return { kind: "unknown", expected: "prompts/<prompt_id>/v<N>.yaml (N a positive integer without leading zeros)" };
  return { kind: "unknown", expected: "experiments/<feature>.yaml" };
}
