import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** `git <args>` in `cwd`; stdout (trimmed unless raw), or undefined when git or the repository is missing. */
export async function git(cwd: string, args: string[], options: { raw?: boolean; env?: Record<string, string> } = {}): Promise<string | undefined> {
  try {
    const { stdout } = await run("git", args, { cwd, maxBuffer: 64 * 1024 * 1024, env: options.env ? { ...process.env, ...options.env } : undefined });
    return options.raw ? stdout : stdout.trimEnd();
  } catch {
    return undefined;
  }
}

/** The commit HEAD points at, or null outside a git checkout (or before the first commit). */
export async function headCommit(cwd: string): Promise<string | null> {
  const sha = await git(cwd, ["rev-parse", "--verify", "--quiet", "HEAD"]);
  return sha && /^[0-9a-f]{40}$/.test(sha) ? sha : null;
}

/** Committer date of HEAD as YYYY-MM-DD (UTC), or undefined outside git. */
export async function headCommitDate(cwd: string): Promise<string | undefined> {
  // format-local formats in $TZ: pin it, so every machine records the same release date.
  const date = await git(cwd, ["log", "-1", "--format=%cd", "--date=format-local:%Y-%m-%d", "HEAD"], { env: { TZ: "UTC" } });
  return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined;
}
