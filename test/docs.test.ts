import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PARSE_CODES, RULES } from "../tools/core/rules/index.ts";
import { COMMANDS } from "../tools/cli/commands/index.ts";
import { REPO_ROOT } from "./helpers/source-tree.ts";

const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");

describe("README", () => {
  it.each([...Object.keys(PARSE_CODES), ...RULES.map((r) => r.code)])("documents rule %s", (code) => {
    expect(readme).toContain(`| \`${code}\` |`);
  });

  it.each(Object.keys(COMMANDS))("documents command %s", (name) => {
    expect(readme).toMatch(new RegExp(`\\| \`${name}[ \`]`));
  });

  it("gives the install and test commands", () => {
    expect(readme).toContain("npm ci && npm run build");
    expect(readme).toContain("npm test");
  });
});
