import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { RELEASES_DIR } from "../core/release/ledger.ts";
import { git } from "./git.ts";

/** Every file under releases/ in the working tree, path -> text. */
export async function readLedgerFiles(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) files.set(relative(root, path).split(sep).join("/"), await readFile(path, "utf8"));
    }
  };
  await walk(join(root, RELEASES_DIR));
  return files;
}

/** The same files as they were at a git ref (for `verify --base`). */
export async function readLedgerFilesAt(root: string, ref: string): Promise<Map<string, string> | undefined> {
  if ((await git(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`])) === undefined) return undefined;
  const listing = await git(root, ["ls-tree", "-r", "--name-only", ref, "--", RELEASES_DIR]);
  const files = new Map<string, string>();
  for (const path of (listing ?? "").split("\n").filter(Boolean)) {
    const text = await git(root, ["show", `${ref}:${path}`], { raw: true });
    if (text !== undefined) files.set(path, text);
  }
  return files;
}
