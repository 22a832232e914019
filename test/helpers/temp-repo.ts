import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { CliContext } from "../../tools/cli/context.ts";
import { FIXTURES } from "./source-tree.ts";

export interface TempRepo {
  dir: string;
  read(path: string): string;
  write(path: string, text: string): void;
  edit(path: string, from: string, to: string): void;
  commit(message: string): string;
  git(...args: string[]): string;
  cleanup(): void;
}

/** A git repository holding a copy of `from` (the base fixture by default), committed once. */
export function tempRepo(from = join(FIXTURES, "base")): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), "llmcfg-repo-"));
  cpSync(from, dir, { recursive: true });
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: dir, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_DATE: "2026-12-01T12:00:00Z", GIT_COMMITTER_DATE: "2026-12-01T12:00:00Z" } }).trim();
  git("init", "-q", "-b", "main");
  git("config", "user.email", "ci@example.com");
  git("config", "user.name", "CI");
  const repo: TempRepo = {
    dir,
    read: (path) => readFileSync(join(dir, path), "utf8"),
    write(path, text) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    edit(path, from, to) {
      const text = repo.read(path);
      if (!text.includes(from)) throw new Error(`${path} does not contain ${JSON.stringify(from)}`);
      repo.write(path, text.replace(from, to));
    },
    commit(message) {
      git("add", "-A");
      git("commit", "-q", "--allow-empty", "-m", message);
      return git("rev-parse", "HEAD");
    },
    git,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
  repo.commit("initial");
  return repo;
}

export function capture(cwd: string, env: Record<string, string> = {}): CliContext & { out: string; err: string } {
  const ctx = {
    cwd,
    env: { NO_COLOR: "1", ...env },
    out: "",
    err: "",
    stdout(text: string) {
      ctx.out += text;
    },
    stderr(text: string) {
      ctx.err += text;
    },
  };
  return ctx;
}
