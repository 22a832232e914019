export type Bump = "major" | "minor" | "patch";

/** One classified difference between two bundles, in plain words. */
export interface Change {
  level: Bump;
  message: string;
}

export const BUMP_ORDER: Record<Bump, number> = { patch: 0, minor: 1, major: 2 };

export function highest(changes: readonly Change[]): Bump | null {
  let best: Bump | null = null;
  for (const c of changes) if (best === null || BUMP_ORDER[c.level] > BUMP_ORDER[best]) best = c.level;
  return best;
}

/** A file the caller should write: the core plans, one adapter writes. */
export interface FileWrite {
  path: string;
  contents: string;
}
