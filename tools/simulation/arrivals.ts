/**
 * Request start times over `days` days, `perDay` a day, following a daily cycle (busiest at
 * 14:00 UTC, quietest at 02:00, 4:1), sorted. Milliseconds from the start of the run.
 */
export function diurnalArrivals(days: number, perDay: number, random: () => number): Float64Array {
  const day = 86_400_000;
  const out = new Float64Array(days * perDay);
  const weight = (ms: number) => 1 + 0.6 * Math.cos((2 * Math.PI * (ms / 3_600_000 - 14)) / 24);
  let k = 0;
  for (let d = 0; d < days; d++) {
    const start = k;
    while (k - start < perDay) {
      const t = random() * day;
      if (random() * 1.6 <= weight(t)) out[k++] = d * day + t;
    }
    out.subarray(start, k).sort();
  }
  return out;
}
