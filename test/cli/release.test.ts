import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../tools/cli/main.ts";
import { generateSigningKeys, verifySignature } from "../../tools/io/signing.ts";
import { capture, tempRepo, type TempRepo } from "../helpers/temp-repo.ts";

const TODAY = ["--today", "2025-01-01"];
let repo: TempRepo;
const outs: string[] = [];

async function run(...argv: string[]) {
  const ctx = capture(repo.dir);
  const code = await main(argv, ctx, false);
  return { code, out: ctx.out + ctx.err };
}

/** Release the base fixture as 1.0.0, commit it. */
async function releaseInitial() {
  expect((await run("version", ...TODAY)).code).toBe(0);
  repo.commit("release 1.0.0");
}

beforeEach(() => {
  repo = tempRepo();
});
afterEach(() => {
  repo.cleanup();
  outs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

describe("version and verify", () => {
  it("records 1.0.0 with the source commit's date, and verify passes", async () => {
    const head = repo.git("rev-parse", "HEAD");
    const result = await run("version", ...TODAY);
    expect(result.out).toContain("demo  1.0.0  (initial)");
    const index = JSON.parse(repo.read("releases/index.json"));
    expect(index.features.demo[0]).toMatchObject({ version: "1.0.0", date: "2026-12-01", source_commit: head });
    expect(JSON.parse(repo.read("releases/demo/1.0.0.json")).version).toBe("1.0.0");
    expect((await run("verify", ...TODAY)).code).toBe(0);
  });

  it("--dry-run prints the bump and changelog entry and writes nothing", async () => {
    await releaseInitial();
    repo.edit("experiments/demo.yaml", "kill_switch: false", "kill_switch: true");
    const result = await run("version", "--dry-run", ...TODAY);
    expect(result.code).toBe(0);
    expect(result.out).toContain("demo  1.0.0 → 1.0.1  (patch)");
    expect(result.out).toContain("- `kill_switch`: false → true.");
    expect(result.out).toContain("Would write:\n  releases/demo/1.0.1.json");
    expect(readdirSync(join(repo.dir, "releases/demo"))).toEqual(["1.0.0.json", "CHANGELOG.md"]);
  });

  it("fails verify on source changes that were not released", async () => {
    await releaseInitial();
    repo.edit("experiments/demo.yaml", "kill_switch: false", "kill_switch: true");
    const result = await run("verify", ...TODAY);
    expect(result.code).toBe(1);
    expect(result.out).toContain("[unreleased-changes]");
    expect(result.out).toContain("Run `llmcfg version`");
  });

  it.each([
    ["a tampered byte in a release", (r: TempRepo) => r.edit("releases/demo/1.0.0.json", '"kill_switch": false', '"kill_switch": true '), "release-checksum"],
    ["a hand-edited changelog", (r: TempRepo) => r.edit("releases/demo/CHANGELOG.md", "## [1.0.0]", "## [1.0.0] (edited)"), "changelog-drift"],
    ["a deleted release file", (r: TempRepo) => rmSync(join(r.dir, "releases/demo/1.0.0.json")), "release-missing"],
    ["a release file written by hand", (r: TempRepo) => writeFileSync(join(r.dir, "releases/demo/9.9.9.json"), "{}\n"), "release-unlisted"],
    ["an edited released prompt", (r: TempRepo) => r.edit("prompts/advice/v1.yaml", "temperature: 0.2", "temperature: 0.3"), "released-prompt-edited"],
  ])("rejects %s", async (_name, tamper, code) => {
    await releaseInitial();
    tamper(repo);
    const result = await run("verify", ...TODAY);
    expect(result.code).toBe(1);
    expect(result.out).toContain(`[${code}]`);
  });

  it("reports a broken index once, without calling every release file unlisted", async () => {
    await releaseInitial();
    repo.write("releases/index.json", "{\n");
    const result = await run("verify", ...TODAY);
    expect(result.code).toBe(1);
    expect(result.out).toContain("releases/index.json:1:1  error  The release index is not valid JSON");
    expect(result.out).toContain("1 problem in the release ledger");
  });

  it("says to add v2 when a released prompt version is edited, and version refuses to run", async () => {
    await releaseInitial();
    repo.edit("prompts/advice/v1.yaml", "temperature: 0.2", "temperature: 0.3");
    const verify = await run("verify", ...TODAY);
    expect(verify.out).toContain("prompts/advice/v1.yaml:1:1  error  advice@1 was released in demo@1.0.0");
    expect(verify.out).toContain("put the change in prompts/advice/v2.yaml instead");
    const version = await run("version", ...TODAY);
    expect(version.code).toBe(1);
    expect(version.out).toContain("nothing was planned");
  });

  it("verify --base catches a deleted or rewritten release even when the tree is self-consistent", async () => {
    await releaseInitial();
    repo.edit("experiments/demo.yaml", "kill_switch: false", "kill_switch: true");
    await run("version", ...TODAY);
    repo.commit("release 1.0.1");
    // A revert of the release commit: sources and ledger go back to 1.0.0, consistently.
    repo.git("revert", "--no-edit", "HEAD");
    expect((await run("verify", ...TODAY)).code).toBe(0);
    const result = await run("verify", "--base", "HEAD~1", ...TODAY);
    expect(result.code).toBe(1);
    expect(result.out).toContain("[release-deleted]");
    expect(result.out).toContain("[ledger-rewritten]");
    // Re-releasing after the revert takes a new number: 1.0.1 is never reused.
    repo.git("reset", "-q", "--hard", "HEAD~1");
    repo.edit("experiments/demo.yaml", "kill_switch: true", "kill_switch: false");
    expect((await run("version", ...TODAY)).out).toContain("1.0.1 → 1.0.2");
  });

  it("verify --base names a missing ref as a usage error", async () => {
    await releaseInitial();
    const result = await run("verify", "--base", "no-such-branch", ...TODAY);
    expect(result.code).toBe(2);
    expect(result.out).toContain('--base "no-such-branch" is not a commit');
  });
});

describe("promote and rollback", () => {
  it("moves channels forward and back, refusing a major move without --allow-major", async () => {
    await releaseInitial();
    expect((await run("promote", "demo", "1.0.0", "--channel", "production", "--reason", "Launch")).code).toBe(0);
    repo.edit("experiments/demo.yaml", "kill_switch: false", "kill_switch: true");
    await run("version", ...TODAY);
    expect((await run("promote", "demo", "1.0.1", "--channel", "production", "--reason", "Ship the kill switch")).out).toContain("demo/production: 1.0.0 → 1.0.1");
    const rollback = await run("promote", "demo", "1.0.0", "--channel", "production", "--reason", "Roll back: kill switch misfired");
    expect(rollback.out).toContain("demo/production: 1.0.1 → 1.0.0");
    expect(repo.read("releases/channels.yaml")).toContain("version: 1.0.0\n    reason: \"Roll back: kill switch misfired\"");
    const verified = await run("verify", ...TODAY);
    expect(verified.out).toContain("Ledger intact");

    repo.edit("experiments/demo.yaml", "      - key: anthropic", "      - key: claude");
    await run("version", ...TODAY);
    const refused = await run("promote", "demo", "2.0.0", "--channel", "production", "--reason", "New variant keys");
    expect(refused.code).toBe(1);
    expect(refused.out).toContain("crosses a major version");
    expect((await run("promote", "demo", "2.0.0", "--channel", "production", "--reason", "Rails 4.2 reads the new keys", "--allow-major")).code).toBe(0);
  });

  it.each([
    [["promote", "demo", "7.0.0", "--channel", "production", "--reason", "x y z"], 1, "demo@7.0.0 was never released"],
    [["promote", "demo", "--channel", "production", "--reason", "x y z"], 2, "exactly <feature> <version>"],
    [["promote", "demo", "1.0.0", "--reason", "x y z"], 2, "--channel <name> is required"],
    [["promote", "demo", "1.0.0", "--channel", "production"], 2, "--reason <text> is required"],
  ])("refuses %j", async (argv, code, message) => {
    await releaseInitial();
    const result = await run(...argv);
    expect(result.code).toBe(code);
    expect(result.out).toContain(message);
  });
});

describe("publish", () => {
  async function published(env: Record<string, string>) {
    await releaseInitial();
    await run("promote", "demo", "1.0.0", "--channel", "production", "--reason", "Launch");
    const out = mkdtempSync(join(tmpdir(), "llmcfg-pub-"));
    outs.push(out);
    const publish = async () => {
      const ctx = capture(repo.dir, env);
      const code = await main(["publish", "--out", out], ctx, false);
      return { code, out: ctx.out + ctx.err };
    };
    return { out, publish };
  }

  it("lays out a signed static tree once, and a second run changes nothing", async () => {
    const keys = generateSigningKeys();
    repo.write("keys/release-signing.pub.pem", keys.publicPem);
    const { out, publish } = await published({ LLMCFG_SIGNING_KEY: keys.privatePem });
    const first = await publish();
    expect(first.code).toBe(0);
    expect(first.out).toContain("5 files written, 0 files unchanged");
    const bundle = readFileSync(join(out, "demo/1.0.0/bundle.json"), "utf8");
    expect(bundle).toBe(repo.read("releases/demo/1.0.0.json"));
    const pointer = JSON.parse(readFileSync(join(out, "demo/channels/production.json"), "utf8"));
    expect(pointer).toMatchObject({ version: "1.0.0", url: "demo/1.0.0/bundle.json" });
    expect(readFileSync(join(out, "demo/1.0.0/bundle.json.sha256"), "utf8")).toBe(`${pointer.sha256}  bundle.json\n`);
    const signature = readFileSync(join(out, "demo/1.0.0/bundle.json.sig"), "utf8");
    expect(verifySignature(keys.publicPem, bundle, signature)).toBe(true);
    const flipped = Buffer.from(bundle);
    flipped[10] = flipped[10]! ^ 1;
    expect(verifySignature(keys.publicPem, flipped.toString("utf8"), signature)).toBe(false);
    const second = await publish();
    expect(second.out).toContain("0 files written, 5 files unchanged");
  });

  it("refuses to overwrite a published version that has different bytes", async () => {
    const { out, publish } = await published({});
    const ctx = capture(repo.dir);
    expect(await main(["publish", "--out", out, "--unsigned"], ctx, false)).toBe(0);
    writeFileSync(join(out, "demo/1.0.0/bundle.json"), "tampered\n");
    const again = capture(repo.dir);
    expect(await main(["publish", "--out", out, "--unsigned"], again, false)).toBe(1);
    expect(again.out).toContain("demo/1.0.0/bundle.json already exists with different bytes");
    expect(readFileSync(join(out, "demo/1.0.0/bundle.json"), "utf8")).toBe("tampered\n");
    expect((await publish()).out).toContain("LLMCFG_SIGNING_KEY is not set");
  });

  it("refuses a signing key that does not match the committed public key", async () => {
    repo.write("keys/release-signing.pub.pem", generateSigningKeys().publicPem);
    const { publish } = await published({ LLMCFG_SIGNING_KEY: generateSigningKeys().privatePem });
    const result = await publish();
    expect(result.code).toBe(2);
    expect(result.out).toContain("does not match keys/release-signing.pub.pem");
  });
});
