import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CORE_SCHEMA, load } from "js-yaml";
import { parse } from "yaml";
import { buildCommand } from "../tools/cli/commands/build.ts";
import { validateCommand } from "../tools/cli/commands/validate.ts";
import { readSources } from "../tools/io/read-sources.ts";
import { writeSyntheticRepo } from "./synthetic-repo.ts";
import { median, timeIt } from "./timing.ts";

const REPO = join(import.meta.dirname, "..");

/** validate + build of 1,000 prompt versions and 100 features, against parsing the YAML alone. */
export async function benchConfig(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "llmcfg-bench-"));
  try {
    const files = writeSyntheticRepo(root, REPO);
    const silent = { cwd: root, env: {}, stdout: () => {}, stderr: () => {} };
    const sources = await readSources(root);
    const parseOnly = await timeIt(5, async () => {
      for (const s of await readSources(root)) load(s.text, { schema: CORE_SCHEMA });
    });
    const preciseOnly = await timeIt(3, async () => {
      for (const s of await readSources(root)) parse(s.text);
    });
    const validate = await timeIt(5, async () => {
      await validateCommand({ root, strict: false, json: true, today: "2026-12-04" }, silent);
    });
    const build = await timeIt(5, async () => {
      const code = await buildCommand({ root, strict: false, json: true, today: "2026-12-04", sourceCommit: null, out: join(root, "dist") }, silent);
      if (code !== 0) throw new Error(`synthetic build failed with exit code ${code}`);
    });
    const ratio = median(build) / median(parseOnly);
    console.log(`config: ${files} files (${sources.length} read), 1,000 prompt versions, 100 features`);
    console.log(`  read + parse YAML only       median ${median(parseOnly).toFixed(0)} ms (js-yaml, the fast path; the yaml package alone takes ${median(preciseOnly).toFixed(0)} ms)`);
    console.log(`  read + validate              median ${median(validate).toFixed(0)} ms  (${(median(validate) / median(parseOnly)).toFixed(2)}x the bare parse)`);
    console.log(`  read + validate + build      median ${median(build).toFixed(0)} ms  (${Math.round(files / (median(build) / 1000))} files/s)`);
    console.log(`  ratio to bare parse          ${ratio.toFixed(2)}x   targets: < 3000 ms, < 2x bare parse`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
