import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../tools/cli/main.ts";
import { recordingKey } from "../../tools/eval/recordings.ts";
import { renderPrompt } from "../../tools/runtime/render/render-prompt.ts";
import { compileBundles } from "../../tools/core/compile/compile-bundle.ts";
import { validateSources } from "../../tools/core/validate.ts";
import { FIXTURES, readTree } from "../helpers/source-tree.ts";
import { capture, tempRepo, type TempRepo } from "../helpers/temp-repo.ts";

let repo: TempRepo;
beforeEach(() => {
  repo = tempRepo();
});
afterEach(() => repo.cleanup());

async function evalRun(...argv: string[]) {
  const summary = join(repo.dir, "summary.md");
  const ctx = capture(repo.dir);
  const code = await main(["eval", "--summary-file", summary, ...argv], ctx, false);
  return { code, out: ctx.out + ctx.err, summary: code <= 1 && !argv.includes("--shard") ? readFileSync(summary, "utf8") : "" };
}

/** A recording of `text` for the nurse case on gpt-4o, keyed by the rendered messages. */
function recordNurse(text: string) {
  const { model } = validateSources(readTree(repo.dir, (p) => p.startsWith(".git")), { today: "2025-01-01" });
  const bundle = compileBundles(model, { sourceCommit: null })[0]!.bundle;
  const prompt = bundle.prompts["advice@1"]!;
  const rendered = renderPrompt(prompt, "openai", { role: "Nurse", skills: ["Patient care", "Scheduling"] });
  if (!rendered.ok) throw new Error("render failed");
  const key = recordingKey("gpt-4o-2024-08-06", rendered.messages);
  const dir = join(repo.dir, "prompts/advice/recordings/openai/gpt-4o");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${key}.json`), JSON.stringify({ format_version: 1, provider: "openai", model: "gpt-4o", api_model: "gpt-4o-2024-08-06", key, prompt: "advice@1", case: "nurse", source: "test", text, usage: { input_tokens: 60, output_tokens: 12 }, latency_ms: 900 }));
}

describe("llmcfg eval", () => {
  it("prints the reviewer summary with all gates passing on the base fixture", async () => {
    const { code, summary } = await evalRun();
    expect(code).toBe(0);
    expect(summary).toContain("# LLM config review: ✅ gates passed");
    expect(summary).toContain("## demo: 1.0.0 (initial)");
    expect(summary).toMatch(/✅ output-contract · ✅ pass-rate · ✅ budget · (✅|⚠️) slo/);
    expect(summary).toContain("| `openai` (demo-provider) | `advice@1` | `openai/gpt-4o` | 50% | 2/2 |");
    expect(summary).toContain("<summary>Changelog preview (with the prompt text diff)</summary>");
  });

  it("replays a recording when the rendered prompt matches, and misses when the prompt changed", async () => {
    recordNurse(JSON.stringify({ advice: "Move into clinical informatics." }));
    const hit = await evalRun();
    expect(hit.summary).toMatch(/Mock providers: [1-9]\d* case\(s\) replayed recorded outputs/);
    repo.edit("prompts/advice/v1.yaml", "Give one piece of career advice", "Give one short piece of career advice");
    const miss = await evalRun();
    expect(miss.summary).toContain("Mock providers: 0 case(s) replayed recorded outputs");
    expect(miss.summary).toContain("a new or changed prompt misses its recordings");
  });

  it("fails the contract gate when a recorded answer breaks a narrowed output contract", async () => {
    recordNurse(JSON.stringify({ advice: "Move into clinical informatics." }));
    // Same messages (so the recording still matches), but the contract now requires `why`.
    repo.edit("prompts/advice/v1.yaml", "required: [advice]", "required: [advice, why]");
    repo.edit("prompts/advice/v1.yaml", "      advice: { type: string, minLength: 1 }", "      advice: { type: string, minLength: 1 }\n      why: { type: string }");
    const { code, summary } = await evalRun();
    expect(code).toBe(1);
    expect(summary).toContain("❌ **output-contract**");
    expect(summary).toMatch(/response\(s\) of advice@1 break its output contract \(first: nurse on openai\/gpt-4o: \/ must have required property 'why'\)/);
  });

  it("fails the budget gate when a prompt change pushes the projected bill over budget", async () => {
    // test/fixtures/eval/over-budget: prompt v2 with a long system prompt, served everywhere.
    cpSync(join(FIXTURES, "eval/over-budget"), repo.dir, { recursive: true });
    const { code, summary } = await evalRun();
    expect(code).toBe(1);
    expect(summary).toMatch(/❌ \*\*budget\*\*: Projected \$\d+ a month at 1,000 requests a day with the current split, over the \$100 budget/);
  });

  it("writes the job summary, outputs and annotations under GitHub Actions", async () => {
    const dir = join(tmpdir(), `gha-${process.pid}-${Date.now()}`);
    mkdirSync(dir, { recursive: true });
    const summary = join(dir, "summary.md");
    const output = join(dir, "output.txt");
    writeFileSync(summary, "");
    writeFileSync(output, "");
    const env = { GITHUB_ACTIONS: "true", GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output };
    const saved = { ...process.env };
    Object.assign(process.env, env);
    const writes: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => (writes.push(String(chunk)), true)) as typeof process.stdout.write;
    try {
      repo.write("experiments/demo.yaml", repo.read("experiments/demo.yaml").replace("monthly_usd: 100", "monthly_usd: 10"));
      const ctx = capture(repo.dir, env);
      expect(await main(["eval"], ctx, false)).toBe(1);
    } finally {
      process.stdout.write = original;
      process.env = saved;
    }
    const written = readFileSync(summary, "utf8");
    expect(written).toContain("# LLM config review: ❌ gates failed");
    expect(written).toContain("❌ **budget**");
    expect(readFileSync(output, "utf8")).toMatch(/result<<.*\nfail\n/);
    expect(writes.join("")).toMatch(/::error title=budget gate,file=experiments\/demo\.yaml,line=8,col=24::Projected/);
    rmSync(dir, { recursive: true, force: true });
  });

  it("gives the same summary from merged shards as from one unsharded run", async () => {
    const whole = await evalRun();
    const a = join(repo.dir, "a.json");
    const b = join(repo.dir, "b.json");
    expect((await evalRun("--shard", "1/2", "--out", a)).code).toBe(0);
    expect((await evalRun("--shard", "2/2", "--out", b)).code).toBe(0);
    const merged = await evalRun("--merge", b, a);
    expect(merged.summary).toBe(whole.summary);
  });

  it.each([
    [["--shard", "3/2"], "--shard must look like 1/3"],
    [["--mock", "live"], "--mock must be replay or synthetic"],
    [["--merge"], "--merge needs the shard result files"],
  ])("refuses %j", async (argv, message) => {
    const { code, out } = await evalRun(...argv);
    expect(code).toBe(2);
    expect(out).toContain(message);
  });
});
