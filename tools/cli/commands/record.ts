import { readFile } from "node:fs/promises";
import type { Bundle, BundlePrompt } from "../../core/compile/bundle-types.ts";
import { canonicalJson } from "../../core/compile/canonical-json.ts";
import { evalFilesOf } from "../../core/evals/parse-evals.ts";
import { recordingKey, recordingPath, type Recording } from "../../eval/recordings.ts";
import { callLive } from "../../io/http-provider.ts";
import { todayUtc } from "../../io/clock.ts";
import { applyWrites } from "../../io/write-files.ts";
import { renderPrompt } from "../../runtime/render/render-prompt.ts";
import { parse } from "../args.ts";
import { colors } from "../color.ts";
import { compileRepository } from "../compile-repository.ts";
import type { CliContext } from "../context.ts";
import { EXIT, UsageError } from "../errors.ts";

export const RECORD_HELP = `Usage: llmcfg record --prompt <id@version> (--live | --import <file.jsonl>) [options]

Write recordings that \`llmcfg eval\` replays: prompts/<id>/recordings/<provider>/<model>/<key>.json,
where the key hashes the model and the rendered messages (a changed prompt misses its recordings).

  --live             Call the real provider APIs, with keys from the environment variables the
                     provider files name. For a developer machine; CI never records.
  --import <file>    Import outputs captured elsewhere (e.g. Databricks): JSON lines of
                     {"case": id, "model": "provider/model", "text": ..., "usage"?: {...}, "latency_ms"?: n}

Options:
  --prompt <id@v>    Prompt version to record (required)
  --case <id>        Only this eval case (default: every case of the version)
  --model <p/m>      Only this provider/model (default: every model that serves the prompt)
  --base-url <url>   Send live calls to this base URL instead of the provider's (a proxy or a stub)
  --root <dir>       Repository root (default: current directory)
  -h, --help         Show this help
`;

interface Target {
  provider: string;
  model: string;
}

export interface RecordOptions {
  root: string;
  prompt: string;
  live: boolean;
  importFile?: string;
  caseId?: string;
  model?: string;
  baseUrl?: string;
}

export async function recordCommand(options: RecordOptions, ctx: CliContext, isTty = false): Promise<number> {
  const c = colors(ctx, isTty);
  const compiled = await compileRepository({ root: options.root, strict: false }, ctx, c, true);
  if (!compiled.ok) return EXIT.findings;
  const bundles = compiled.compiled.map((b) => b.bundle).filter((b) => b.prompts[options.prompt]);
  const prompt = bundles[0]?.prompts[options.prompt];
  if (!prompt) throw new UsageError(`No feature serves ${options.prompt}; only prompt versions on a route are recorded.`);
  const evals = evalFilesOf(compiled.checked.model).get(prompt.id);
  const cases = (evals?.cases ?? []).filter((x) => (!x.versions || x.versions.includes(prompt.version)) && (!options.caseId || x.id === options.caseId));
  if (cases.length === 0) throw new UsageError(`No eval case of ${prompt.id}${options.caseId ? ` named "${options.caseId}"` : ""} applies to v${prompt.version}.`);
  const targets = servingModels(bundles, options.prompt).filter((t) => !options.model || `${t.provider}/${t.model}` === options.model);
  if (targets.length === 0) throw new UsageError(`${options.model ?? "No model"} does not serve ${options.prompt}.`);
  const bundle = bundles[0]!;
  const writes: { path: string; contents: string }[] = [];
  const render = (provider: string, inputs: Record<string, unknown>) => {
    const r = renderPrompt(prompt, provider, inputs);
    if (!r.ok) throw new UsageError(`Case inputs do not fit ${options.prompt}: ${r.errors.map((e) => `${e.path} ${e.message}`).join("; ")}.`);
    return r.messages;
  };
  if (options.importFile) {
    const lines = (await readFile(options.importFile, "utf8")).split("\n").filter((l) => l.trim());
    for (const [i, line] of lines.entries()) {
      let row: { case?: string; model?: string; text?: string; usage?: { input_tokens: number; output_tokens: number }; latency_ms?: number };
      try {
        row = JSON.parse(line);
      } catch {
        throw new UsageError(`${options.importFile}:${i + 1}: not valid JSON.`);
      }
      const evalCase = cases.find((x) => x.id === row.case);
      const target = targets.find((t) => `${t.provider}/${t.model}` === row.model);
      if (!evalCase || !target || typeof row.text !== "string") throw new UsageError(`${options.importFile}:${i + 1}: needs "case" (one of ${cases.map((x) => x.id).join(", ")}), "model" (one of ${targets.map((t) => `${t.provider}/${t.model}`).join(", ")}) and "text".`);
      const messages = render(target.provider, evalCase.inputs);
      writes.push(recording(bundle, prompt, target, evalCase.id, messages, row.text, row.usage ?? { input_tokens: 0, output_tokens: 0 }, row.latency_ms ?? 0, `imported from ${options.importFile.split("/").pop()}`));
    }
  } else {
    for (const target of targets) {
      const provider = bundle.providers[target.provider] ?? compiled.compiled.map((b) => b.bundle.providers[target.provider]).find(Boolean)!;
      const key = ctx.env[provider.api_key_env];
      if (!key) throw new UsageError(`$${provider.api_key_env} is not set: live recording calls ${provider.name} with your own key.`);
      for (const evalCase of cases) {
        const messages = render(target.provider, evalCase.inputs);
        const response = await callLive(provider, provider.models[target.model]!, prompt, messages, key, { baseUrl: options.baseUrl });
        if (response.errorType || response.text === null) {
          ctx.stdout(`${c.red("✖")} ${evalCase.id} on ${target.provider}/${target.model}: ${response.errorType ?? "empty response"} ${response.detail ?? ""}\n`);
          continue;
        }
        writes.push(recording(bundle, prompt, target, evalCase.id, messages, response.text, response.usage ?? { input_tokens: 0, output_tokens: 0 }, Math.round(response.latencyMs), `recorded with llmcfg record on ${todayUtc()}`));
      }
    }
  }
  await applyWrites(compiled.checked.root, writes);
  for (const w of writes) ctx.stdout(`  ${w.path}\n`);
  ctx.stdout(`${c.green("✔")} ${writes.length} recording(s) written. Commit them next to the fixtures.\n`);
  return writes.length > 0 ? EXIT.ok : EXIT.findings;
}

function servingModels(bundles: Bundle[], prompt: string): Target[] {
  const seen = new Map<string, Target>();
  for (const b of bundles) {
    const routes = [b.default_route.prompt === prompt ? b.default_route : null, ...b.experiments.flatMap((e) => e.variants.filter((v) => v.prompt === prompt).map((v) => v.route))];
    for (const route of routes) for (const a of route?.chain ?? []) seen.set(`${a.provider}/${a.model}`, { provider: a.provider, model: a.model });
  }
  return [...seen.values()];
}

function recording(bundle: Bundle, prompt: BundlePrompt, target: Target, caseId: string, messages: Parameters<typeof recordingKey>[1], text: string, usage: Recording["usage"], latencyMs: number, source: string) {
  const apiModel = bundle.providers[target.provider]!.models[target.model]!.api_model;
  const key = recordingKey(apiModel, messages);
  const body: Recording = { format_version: 1, provider: target.provider, model: target.model, api_model: apiModel, key, prompt: `${prompt.id}@${prompt.version}`, case: caseId, source, text, usage, latency_ms: latencyMs };
  return { path: recordingPath(prompt.id, target.provider, target.model, key), contents: canonicalJson(body) };
}

export async function runRecord(argv: string[], ctx: CliContext, isTty: boolean): Promise<number> {
  const args = parse("record", argv, { prompt: { type: "string" }, live: { type: "boolean" }, import: { type: "string" }, case: { type: "string" }, model: { type: "string" }, "base-url": { type: "string" }, root: { type: "string" } });
  const prompt = args.str("prompt");
  if (!prompt || !/^[a-z][a-z0-9_]*@[1-9][0-9]*$/.test(prompt)) throw new UsageError("--prompt <id@version> is required, e.g. --prompt career_recommendation@2.");
  if (args.flag("live") === (args.str("import") !== undefined)) throw new UsageError("Choose one source: --live or --import <file.jsonl>.");
  return recordCommand({ root: args.str("root") ?? ctx.cwd, prompt, live: args.flag("live"), importFile: args.str("import"), caseId: args.str("case"), model: args.str("model"), baseUrl: args.str("base-url") }, ctx, isTty);
}
