import hdr from "hdr-histogram-js";

type JsHistogram = ReturnType<typeof hdr.build> & { lowestEquivalentValue(value: number): number };

/** HDR histogram of milliseconds (1 ms to 10 min, 3 significant digits): percentiles without sorting. */
export class LatencyHistogram {
  private readonly histogram = hdr.build({ bitBucketSize: 32, lowestDiscernibleValue: 1, highestTrackableValue: 600_000, numberOfSignificantValueDigits: 3, useWebAssembly: false }) as JsHistogram;

  record(ms: number): void {
    this.histogram.recordValue(Math.min(600_000, Math.max(1, Math.round(ms))));
  }

  get count(): number {
    return this.histogram.totalCount;
  }

  /**
   * The percentile as the lowest value of its bucket, so a request cut at a 3,000 ms deadline
   * reads as 3000 (the bucket's upper edge would say 3001). Within 0.1% either way.
   */
  percentile(p: number): number {
    return this.count === 0 ? 0 : this.histogram.lowestEquivalentValue(this.histogram.getValueAtPercentile(p));
  }
}
