import { describe, expect, it } from "vitest";
import type { SourceFile } from "../../tools/core/parse/parse-yaml.ts";
import { validateSources } from "../../tools/core/validate.ts";
import { seededRandom as prng } from "../../tools/runtime/random.ts";
import { repoSources } from "../helpers/source-tree.ts";

const SNIPPETS = [": ", "- ", "{", "}", "[", "]", "&a ", "*a", "'", '"', "\t", "{{", "}}", "{{#x}}", "null", "-1", "1e999", "~", "? ", "!!binary ", "\n  ", "#", "@", "%"];

function mutate(text: string, random: () => number): string {
  const lines = text.split("\n");
  const pick = () => Math.floor(random() * lines.length);
  switch (Math.floor(random() * 6)) {
    case 0:
      lines.splice(pick(), 1);
      break;
    case 1: {
      const i = pick();
      lines.splice(i, 0, lines[i]!);
      break;
    }
    case 2: {
      const i = pick();
      const line = lines[i]!;
      const at = Math.floor(random() * (line.length + 1));
      lines[i] = line.slice(0, at) + SNIPPETS[Math.floor(random() * SNIPPETS.length)]! + line.slice(at);
      break;
    }
    case 3: {
      const i = pick();
      lines[i] = lines[i]!.replace(/\d+/, String(Math.floor(random() * 1e6) - 5e5));
      break;
    }
    case 4:
      return text.slice(0, Math.floor(random() * text.length));
    default: {
      const i = pick();
      lines[i] = lines[i]!.replace(/^\s+/, "");
    }
  }
  return lines.join("\n");
}

describe("seeded random mutations of the example files", () => {
  it("never make the validator throw, and every finding is well-formed", () => {
    const random = prng(20261204);
    const base = repoSources();
    for (let round = 0; round < 300; round++) {
      const target = Math.floor(random() * base.length);
      let text = base[target]!.text;
      const edits = 1 + Math.floor(random() * 3);
      for (let e = 0; e < edits; e++) text = mutate(text, random);
      const sources: SourceFile[] = base.map((f, i) => (i === target ? { ...f, text } : f));
      let diagnostics;
      try {
        diagnostics = validateSources(sources, { today: "2026-12-04" }).diagnostics;
      } catch (error) {
        throw new Error(`round ${round} threw on ${base[target]!.path}:\n${text}\n${(error as Error).stack}`);
      }
      for (const d of diagnostics) {
        expect(Number.isInteger(d.line) && d.line >= 1, JSON.stringify(d)).toBe(true);
        expect(Number.isInteger(d.column) && d.column >= 1, JSON.stringify(d)).toBe(true);
        expect(d.message.length).toBeGreaterThan(0);
      }
    }
  });
});
