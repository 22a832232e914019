import type { BundleExperiment } from "../compile/bundle-types.ts";
import { bucketRanges, chooseVariant } from "../../runtime/assignment/bucket-ranges.ts";

/**
 * Share of users whose assignment (a variant, or outside the experiment) changes between two
 * configurations of the same running experiment. A new seed, hash version or hash attribute
 * re-hashes everyone independently; a weight or coverage change moves exactly the users whose
 * hash falls where the old and new ranges disagree.
 */
export function shareReassigned(before: BundleExperiment, after: BundleExperiment): number {
  const oldRanges = bucketRanges(before.variants.map((v) => v.weight), before.coverage);
  const newRanges = bucketRanges(after.variants.map((v) => v.weight), after.coverage);
  const oldKeys = before.variants.map((v) => v.key);
  const newKeys = after.variants.map((v) => v.key);
  const outcome = (keys: string[], i: number) => (i < 0 ? "(outside)" : keys[i]!);
  if (before.seed !== after.seed || before.hash_version !== after.hash_version || before.hash_attribute !== after.hash_attribute) {
    const oldShares = shares(oldRanges, oldKeys);
    const newShares = shares(newRanges, newKeys);
    let same = 0;
    for (const [k, p] of oldShares) same += p * (newShares.get(k) ?? 0);
    return 1 - same;
  }
  const points = [...new Set([0, 1, ...oldRanges.flat(), ...newRanges.flat()])].filter((p) => p >= 0 && p <= 1).sort((a, b) => a - b);
  let moved = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const mid = (points[i]! + points[i + 1]!) / 2;
    if (outcome(oldKeys, chooseVariant(mid, oldRanges)) !== outcome(newKeys, chooseVariant(mid, newRanges))) moved += points[i + 1]! - points[i]!;
  }
  return moved;
}

function shares(ranges: readonly (readonly [number, number])[], keys: string[]): Map<string, number> {
  const out = new Map<string, number>();
  let inside = 0;
  ranges.forEach(([a, b], i) => {
    out.set(keys[i]!, (out.get(keys[i]!) ?? 0) + (b - a));
    inside += b - a;
  });
  out.set("(outside)", 1 - inside);
  return out;
}
