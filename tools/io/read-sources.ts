import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { SOURCE_DIRS } from "../core/model/classify-path.ts";
import type { SourceFile } from "../core/parse/parse-yaml.ts";

/** Read every file under the source directories, as repository-relative forward-slash paths. */
export async function readSources(root: string): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const dir of SOURCE_DIRS) {
    for (const path of await listFiles(join(root, dir))) {
      files.push({ path: relative(root, path).split(sep).join("/"), text: await readFile(path, "utf8") });
    }
  }
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
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}
