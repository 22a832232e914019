import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { SOURCE_DIRS } from "../core/model/classify-path.ts";
import type { SourceFile } from "../core/parse/parse-yaml.ts";

const MAX_OPEN_FILES = 64;

/** Read every file under the source directories, as repository-relative forward-slash paths. */
export async function readSources(root: string): Promise<SourceFile[]> {
  const paths = (await Promise.all(SOURCE_DIRS.map((dir) => listFiles(join(root, dir))))).flat();
  // Read concurrently (one file at a time left the CPU idle most of the run), but a bounded
  // number at once, so a large repository never runs into the open-file limit.
  const files = new Array<SourceFile>(paths.length);
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const i = next++;
      files[i] = { path: relative(root, paths[i]!).split(sep).join("/"), text: await readFile(paths[i]!, "utf8") };
    }
  };
  await Promise.all(Array.from({ length: Math.min(MAX_OPEN_FILES, paths.length) }, worker));
  return files;
}

async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const nested = await Promise.all(
    entries
      .filter((entry) => !entry.name.startsWith("."))
      .map(async (entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return listFiles(path);
        return entry.isFile() ? [path] : [];
      }),
  );
  return nested.flat();
}
