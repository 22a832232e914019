import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/** A planned write: the core computes these, this adapter is the only place that writes them. */
export interface PlannedWrite {
  /** Relative to the root passed to applyWrites. */
  path: string;
  contents: string | Uint8Array;
}

export async function applyWrites(root: string, writes: readonly PlannedWrite[]): Promise<void> {
  const dirs = [...new Set(writes.map((w) => dirname(join(root, w.path))))];
  await Promise.all(dirs.map((dir) => mkdir(dir, { recursive: true })));
  // Bounded concurrency, for the same open-file limit as reading.
  for (let i = 0; i < writes.length; i += 64) {
    await Promise.all(writes.slice(i, i + 64).map((write) => writeFile(join(root, write.path), write.contents)));
  }
}

export async function removeDir(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true });
}
