import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { COMMANDS } from "../../tools/cli/commands/index.ts";
import { main } from "../../tools/cli/main.ts";
import { capture } from "../helpers/temp-repo.ts";
import { FIXTURES, REPO_ROOT } from "../helpers/source-tree.ts";

const exec = promisify(execFile);
const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempRepo(from = join(FIXTURES, "base")): string {
  const dir = mkdtempSync(join(tmpdir(), "llmcfg-"));
  temps.push(dir);
  cpSync(from, dir, { recursive: true });
  return dir;
}

describe("llmcfg validate", () => {
  it("exits 0 on a clean repository and says so", async () => {
    const ctx = capture(tempRepo());
    expect(await main(["validate", "--today", "2025-01-01"], ctx, false)).toBe(0);
    expect(ctx.out).toBe("✔ 5 files checked, no problems.\n");
  });

  it("prints one tsc-style finding with its hint for one broken file, and exits 1", async () => {
    const dir = tempRepo();
    const path = join(dir, "experiments/demo.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace("prompt: advice@1\n  deadline", "prompt: advise@1\n  deadline"));
    const ctx = capture(dir);
    expect(await main(["validate", "--today", "2025-01-01"], ctx, false)).toBe(1);
    expect(ctx.out).toBe(
      'experiments/demo.yaml:11:11  error  Prompt "advise@1" (default route) does not exist. Did you mean "advice@1"?  [prompt-ref-exists]\n' +
        "    hint: No prompt \"advise\" exists. Create prompts/advise/v<N>.yaml or reference an existing version.\n" +
        "✖ 1 error, 0 warnings in 1 file (5 files checked).\n",
    );
  });

  it("fails on warnings only with --strict", async () => {
    const dir = tempRepo();
    expect(await main(["validate", "--today", "2026-12-04"], capture(dir), false)).toBe(0);
    expect(await main(["validate", "--today", "2026-12-04", "--strict"], capture(dir), false)).toBe(1);
  });

  it("prints machine-readable findings with --json", async () => {
    const ctx = capture(tempRepo());
    await main(["validate", "--today", "2026-12-04", "--json"], ctx, false);
    const result = JSON.parse(ctx.out);
    expect(result.ok).toBe(true);
    expect(result.diagnostics[0]).toMatchObject({ code: "model-lifecycle", severity: "warning", file: "experiments/demo.yaml", line: 15 });
  });

  it("emits GitHub annotations under Actions", async () => {
    const dir = tempRepo();
    const writes: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => {
      writes.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      await main(["validate", "--today", "2026-12-04"], capture(dir, { GITHUB_ACTIONS: "true" }), false);
    } finally {
      process.stdout.write = original;
    }
    expect(writes.join("")).toContain("::warning title=model-lifecycle,file=experiments/demo.yaml,line=15,col=16::");
  });

  it.each([
    [["validate", "--bogus"], /Unknown option '--bogus'/],
    [["validate", "--today", "tomorrow"], /--today must be a date/],
    [["frobnicate"], /Unknown command "frobnicate"/],
    [["build", "--source-commit", "abc"], /--source-commit must be a full/],
  ])("exits 2 with a usage message for %j", async (argv, message) => {
    const ctx = capture(tempRepo());
    expect(await main(argv, ctx, false)).toBe(2);
    expect(ctx.err).toMatch(message);
  });

  it("reports an internal error as a bug with its stack, exit 2", async () => {
    const ctx = capture(tempRepo());
    const failing = { ...ctx, stdout: () => { throw new Error("boom"); } };
    expect(await main(["validate", "--today", "2025-01-01"], failing, false)).toBe(2);
    expect(ctx.err).toContain("internal error; this is a bug");
    expect(ctx.err).toContain("Error: boom");
  });

  it("prints help for every command", async () => {
    for (const command of Object.keys(COMMANDS)) {
      const ctx = capture(REPO_ROOT);
      expect(await main([command, "--help"], ctx, false)).toBe(0);
      expect(ctx.out).toContain(`Usage: llmcfg ${command}`);
    }
  });
});

describe("llmcfg build", () => {
  it("writes one canonical bundle per feature and a readable summary", async () => {
    const dir = tempRepo();
    const ctx = capture(dir);
    expect(await main(["build", "--today", "2025-01-01", "--source-commit", "0123456789abcdef0123456789abcdef01234567"], ctx, false)).toBe(0);
    const bundle = JSON.parse(readFileSync(join(dir, "dist/bundles/demo.json"), "utf8"));
    expect(bundle).toMatchObject({ format_version: 1, id: "demo", source_commit: "0123456789abcdef0123456789abcdef01234567" });
    expect(ctx.out).toMatch(/Built 1 bundle into dist\/bundles/);
    expect(ctx.out).toMatch(/demo {2}\d+\.\d KiB {2}sha256:[0-9a-f]{12}…/);
  });

  it("writes nothing when validation fails", async () => {
    const dir = tempRepo();
    writeFileSync(join(dir, "prompts/advice/v1.yaml"), "id: [\n");
    const ctx = capture(dir);
    expect(await main(["build"], ctx, false)).toBe(1);
    expect(ctx.out).toContain("Nothing was built.");
    expect(() => readFileSync(join(dir, "dist/bundles/demo.json"))).toThrow();
  });
});

describe("the installed entry point", () => {
  it("runs through bin.js with the exit code of the command", async () => {
    const bin = join(REPO_ROOT, "tools/cli/bin.js");
    const ok = await exec(process.execPath, [bin, "validate", "--root", join(FIXTURES, "base"), "--today", "2025-01-01"], { env: { ...process.env, NO_COLOR: "1" } });
    expect(ok.stdout).toContain("no problems");
    const failed = await exec(process.execPath, [bin, "validate", "--root", join(FIXTURES, "base"), "--today", "2026-12-04", "--strict"]).catch((e: { code: number; stdout: string }) => e);
    expect((failed as { code: number }).code).toBe(1);
  });
});
