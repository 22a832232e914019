/**
 * GrowthBook-compatible hashing, so any SDK (Rails included) reproduces every assignment.
 * Strings are hashed as UTF-16 code units, exactly as JavaScript sees them: a Ruby port must
 * hash `s.encode("UTF-16LE").unpack("v*")`, not `s.bytes`, or non-ASCII ids disagree.
 */
export function fnv1a32(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A number in [0, 1), or null for a hash version we do not know (never guess). */
export function hash(seed: string, value: string, version: number): number | null {
  if (version === 2) return (fnv1a32(String(fnv1a32(seed + value))) % 10000) / 10000;
  if (version === 1) return (fnv1a32(value + seed) % 1000) / 1000;
  return null;
}
