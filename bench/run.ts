import { benchConfig } from "./config.bench.ts";
import { benchRuntime } from "./runtime.bench.ts";

/** `npm run bench [name]`: print figures; benchmarks never fail tests. */
const BENCHES: Record<string, () => Promise<void>> = {
  config: benchConfig,
  runtime: benchRuntime,
};

const only = process.argv[2];
for (const [name, bench] of Object.entries(BENCHES)) {
  if (only && only !== name) continue;
  await bench();
}
