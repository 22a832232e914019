import hdr from "hdr-histogram-js";

/** HDR histogram of milliseconds (1 ms to 10 min, 3 significant digits): percentiles without sorting. */
export class LatencyHistogram {
  private readonly histogram = hdr.build({ bitBucketSize: 32, lowestDiscernibleValue: 1, highestTrackableValue: 600_000, numberOfSignificantValueDigits: 3, useWebAssembly: false });

  record(ms: number): void {
    this.histogram.recordValue(Math.min(600_000, Math.max(1, Math.round(ms))));
  }

  get count(): number {
    return this.histogram.totalCount;
  }

  percentile(p: number): number {
    return this.count === 0 ? 0 : this.histogram.getValueAtPercentile(p);
  }
}
