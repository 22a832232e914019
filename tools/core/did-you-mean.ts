import { closest, distance } from "fastest-levenshtein";

/** " Did you mean "x"?" when a candidate is close enough to be a typo, else "". */
export function didYouMean(name: string, candidates: readonly string[]): string {
  if (candidates.length === 0) return "";
  const guess = closest(name, candidates as string[]);
  return distance(name, guess) <= Math.max(2, Math.floor(name.length / 3)) ? ` Did you mean "${guess}"?` : "";
}
