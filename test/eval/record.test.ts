import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../tools/cli/main.ts";
import { capture, tempRepo, type TempRepo } from "../helpers/temp-repo.ts";

/** A local stand-in for both APIs: records what it was sent, answers in each API's shape. */
let server: Server;
let baseUrl = "";
const received: { path: string; headers: Record<string, unknown>; body: Record<string, unknown> }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => {
      const body = JSON.parse(data);
      received.push({ path: req.url!, headers: req.headers, body });
      res.setHeader("content-type", "application/json");
      if (req.url === "/chat/completions") {
        res.end(JSON.stringify({ choices: [{ message: { role: "assistant", content: '{"advice":"Learn SQL"}' } }], usage: { prompt_tokens: 61, completion_tokens: 9 } }));
      } else if (body.model === "claude-3-5-sonnet-20241022" && String(body.system ?? "").includes("career advice")) {
        res.statusCode = 529;
        res.end(JSON.stringify({ type: "error", error: { type: "overloaded_error", message: "Overloaded" } }));
      } else {
        res.end("{}");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let repo: TempRepo;
beforeEach(() => {
  repo = tempRepo();
  received.length = 0;
});
afterEach(() => repo.cleanup());

const run = async (env: Record<string, string>, ...argv: string[]) => {
  const ctx = capture(repo.dir, env);
  return { code: await main(["record", ...argv], ctx, false), out: ctx.out + ctx.err };
};

describe("llmcfg record", () => {
  it("calls the provider API, writes a recording that eval then replays", async () => {
    const result = await run({ OPENAI_API_KEY: "test-key" }, "--prompt", "advice@1", "--model", "openai/gpt-4o", "--live", "--base-url", baseUrl);
    expect(result.code).toBe(0);
    expect(received).toHaveLength(2);
    expect(received[0]!.headers.authorization).toBe("Bearer test-key");
    expect(received[0]!.body).toMatchObject({ model: "gpt-4o-2024-08-06", response_format: { type: "json_object" }, max_tokens: 200 });
    const dir = join(repo.dir, "prompts/advice/recordings/openai/gpt-4o");
    const files = readdirSync(dir);
    expect(files).toHaveLength(2);
    const recording = JSON.parse(readFileSync(join(dir, files[0]!), "utf8"));
    expect(recording).toMatchObject({ api_model: "gpt-4o-2024-08-06", text: '{"advice":"Learn SQL"}', usage: { input_tokens: 61, output_tokens: 9 } });
    const summary = join(repo.dir, "s.md");
    await main(["eval", "--summary-file", summary], capture(repo.dir), false);
    expect(readFileSync(summary, "utf8")).toMatch(/Mock providers: [1-9]\d* case\(s\) replayed recorded outputs/);
  });

  it("sends Anthropic's system prompt as a top-level field and reports provider errors", async () => {
    const result = await run({ ANTHROPIC_API_KEY: "k" }, "--prompt", "advice@1", "--model", "anthropic/claude-3-5-sonnet", "--live", "--base-url", baseUrl);
    expect(received[0]!.path).toBe("/messages");
    expect(received[0]!.headers["x-api-key"]).toBe("k");
    expect(received[0]!.body.system).toContain("career advice");
    expect((received[0]!.body.messages as { role: string }[]).every((m) => m.role !== "system")).toBe(true);
    expect(result.out).toContain("529 Overloaded");
    expect(result.code).toBe(1);
  });

  it("refuses to call a provider without its key, naming the variable", async () => {
    const result = await run({}, "--prompt", "advice@1", "--model", "openai/gpt-4o", "--live", "--base-url", baseUrl);
    expect(result.code).toBe(2);
    expect(result.out).toContain("$OPENAI_API_KEY is not set");
    expect(received).toEqual([]);
  });

  it("imports outputs captured elsewhere, and names the bad line of a broken import", async () => {
    const file = join(repo.dir, "captured.jsonl");
    writeFileSync(file, `${JSON.stringify({ case: "nurse", model: "openai/gpt-4o", text: '{"advice":"x"}' })}\n`);
    expect((await run({}, "--prompt", "advice@1", "--import", file)).code).toBe(0);
    writeFileSync(file, `${JSON.stringify({ case: "nurse", model: "openai/gpt-4o", text: "{}" })}\nnot json\n`);
    const broken = await run({}, "--prompt", "advice@1", "--import", file);
    expect(broken.code).toBe(2);
    expect(broken.out).toContain("captured.jsonl:2: not valid JSON.");
  });
});
