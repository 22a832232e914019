/** mulberry32: a small, fast, seeded PRNG. Every simulated draw comes from one of these. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal by Box-Muller. */
export function normal(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

const Z95 = 1.6448536269514722;

/** A draw from the log-normal with this median and 95th percentile. */
export function lognormal(random: () => number, p50: number, p95: number): number {
  const sigma = Math.max(0, Math.log(p95) - Math.log(p50)) / Z95;
  return p50 * Math.exp(sigma * normal(random));
}

/** A seed for a sub-stream, from a parent seed and a label (FNV-1a), so streams stay independent. */
export function deriveSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
