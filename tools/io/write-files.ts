import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/** A planned write: the core computes these, this adapter is the only place that writes them. */
export interface PlannedWrite {
  /** Relative to the root passed to applyWrites. */
  path: string;
  contents: string | Uint8Array;
}

export async function applyWrites(root: string, writes: readonly PlannedWrite[]): Promise<void> {
  for (const write of writes) {
    const target = join(root, write.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, write.contents);
  }
}

export async function removeDir(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true });
}
