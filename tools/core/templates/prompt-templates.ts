import type { Position } from "../diagnostics.ts";
import type { JsonPointer, ParsedFile } from "../parse/parse-yaml.ts";
import type { PromptDoc } from "../model/types.ts";
import { analyzeTemplate, offsetToLineColumn, type TemplateAnalysis } from "./analyze-template.ts";

export interface AnalyzedMessage {
  pointer: JsonPointer;
  template: string;
  analysis: TemplateAnalysis;
}

const cache = new WeakMap<PromptDoc, AnalyzedMessage[]>();

/** Every message template of a prompt (defaults and overrides), analysed once. */
export function analyzePrompt(prompt: PromptDoc): AnalyzedMessage[] {
  let analyzed = cache.get(prompt);
  if (!analyzed) {
    const lists: [JsonPointer, PromptDoc["messages"]][] = [[["messages"], prompt.messages]];
    for (const [provider, override] of Object.entries(prompt.overrides ?? {})) lists.push([["overrides", provider, "messages"], override.messages]);
    analyzed = lists.flatMap(([base, messages]) =>
      messages.map((m, i) => ({ pointer: [...base, i, "content"], template: m.content, analysis: analyzeTemplate(m.content, prompt.inputs) })),
    );
    cache.set(prompt, analyzed);
  }
  return analyzed;
}

/** Worst-case rendered characters of the message list a provider gets. */
export function worstCaseChars(prompt: PromptDoc, provider: string): number {
  const base: JsonPointer = prompt.overrides?.[provider] ? ["overrides", provider, "messages"] : ["messages"];
  return analyzePrompt(prompt)
    .filter((m) => m.pointer.length === base.length + 2 && base.every((b, i) => m.pointer[i] === b))
    .reduce((sum, m) => sum + m.analysis.worstCaseChars, 0);
}

/** File position of an offset inside a template scalar, for block (| >) and inline scalars. */
export function templatePosition(file: ParsedFile, pointer: JsonPointer, template: string, offset: number): Position {
  const start = file.locate(pointer);
  const inner = offsetToLineColumn(template, offset);
  const lines = file.text.split("\n");
  const indicator = (lines[start.line - 1] ?? "").slice(start.column - 1, start.column);
  if (indicator === "|" || indicator === ">") {
    const line = start.line + inner.line;
    const indent = /^ */.exec(lines[line - 1] ?? "")![0].length;
    return { line, column: indent + inner.column };
  }
  const quoted = indicator === '"' || indicator === "'" ? 1 : 0;
  return inner.line === 1 ? { line: start.line, column: start.column + quoted + inner.column - 1 } : { line: start.line + inner.line - 1, column: inner.column };
}
