/** [start, end): start-inclusive, end-exclusive. */
export type Range = readonly [number, number];

/**
 * GrowthBook's getBucketRanges: cumulative weight slots, each shrunk from its start by
 * coverage. Weights are percentages here (they sum to 100); ranges are on [0, 1).
 */
export function bucketRanges(weightsPercent: readonly number[], coverage: number): Range[] {
  const clamped = Math.min(1, Math.max(0, coverage));
  let cumulative = 0;
  return weightsPercent.map((w) => {
    const share = w / 100;
    const start = cumulative;
    cumulative += share;
    return [start, start + clamped * share] as const;
  });
}

/** Index of the range holding n, or -1. */
export function chooseVariant(n: number, ranges: readonly Range[]): number {
  for (let i = 0; i < ranges.length; i++) {
    const [start, end] = ranges[i]!;
    if (n >= start && n < end) return i;
  }
  return -1;
}
