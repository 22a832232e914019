import { CORE_SCHEMA, load } from "js-yaml";
import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../tools/runtime/random.ts";
import { repoSources } from "../helpers/source-tree.ts";

/** The fast parser must read every document exactly as the precise one does. */
function both(text: string): { fast: unknown; precise: unknown } {
  let fast: unknown = "(rejected)";
  try {
    fast = load(text, { schema: CORE_SCHEMA, json: false }) ?? null;
  } catch {
    // rejected by the fast path: the precise path reports it
  }
  const doc = parseDocument(text, { uniqueKeys: true, strict: true });
  const precise = doc.errors.length > 0 ? "(rejected)" : doc.toJS();
  return { fast, precise };
}

const CASES = [
  "as_of: 2026-12-04\nquoted: \"2026-12-04\"",
  "a: yes\nb: no\nc: on\nd: off\ne: true\nf: False",
  "n: 0o17\nh: 0x1F\nf: 1.5e3\ninf: .inf\nnan_: .nan\nnull_: ~\nempty:",
  "s: |\n  line one\n  {{#x}}{{.}}{{/x}}\n\nt: >-\n  folded\n  text\n",
  "list: [a, 'b', \"c\"]\nflow: { k: v, n: 1 }",
  "key: value # comment\n# only comment\n",
  "price: 2.50\nmodel: gpt-4o-2024-08-06\nowner: \"@team/ai\"",
];

describe("js-yaml (fast path) and yaml (precise path)", () => {
  it.each(CASES)("agree on %j", (text) => {
    const { fast, precise } = both(text);
    expect(fast).toEqual(precise);
  });

  it("agree on the repository's files and on seeded mutations of them (accepting means the same data)", () => {
    const random = seededRandom(4242);
    for (const source of repoSources().filter((s) => s.path.endsWith(".yaml"))) {
      expect(both(source.text).fast).toEqual(both(source.text).precise);
      for (let i = 0; i < 60; i++) {
        const lines = source.text.split("\n");
        const at = Math.floor(random() * lines.length);
        const line = lines[at]!;
        const cut = Math.floor(random() * (line.length + 1));
        lines[at] = line.slice(0, cut) + [":", "- ", "'", '"', "{", "[", "#", "  "][Math.floor(random() * 8)] + line.slice(cut);
        const text = lines.join("\n");
        const { fast, precise } = both(text);
        if (fast !== "(rejected)") expect({ text, precise }).toEqual({ text, precise: fast });
      }
    }
  });
});
