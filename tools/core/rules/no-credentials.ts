import type { Diagnostic } from "../diagnostics.ts";
import { offsetToLineColumn } from "../templates/analyze-template.ts";
import type { Rule } from "./rule.ts";

/** Shapes of real secrets. Config names environment variables; it never holds a value. */
const PATTERNS: { name: string; regex: RegExp }[] = [
  { name: "an Anthropic API key", regex: /\bsk-ant-[A-Za-z0-9_-]{16,}/g },
  { name: "an OpenAI-style API key", regex: /\bsk-(?!ant-)(?:proj-|svcacct-)?[A-Za-z0-9_-]{20,}/g },
  { name: "an AWS access key id", regex: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { name: "a bearer token", regex: /\bBearer\s+[A-Za-z0-9._~+/-]{16,}=*/gi },
  { name: "a GitHub token", regex: /\bgh[pousr]_[A-Za-z0-9]{30,}\b/g },
  { name: "a private key", regex: /-----BEGIN [A-Z ]*PRIVATE KEY-----/g },
];

export const noCredentials: Rule = {
  code: "no-credentials",
  severity: "error",
  description: "Nothing that looks like a credential appears in any file, parsed or not.",
  check({ sources }) {
    const out: Diagnostic[] = [];
    for (const source of sources) {
      for (const { name, regex } of PATTERNS) {
        for (const match of source.text.matchAll(regex)) {
          const at = offsetToLineColumn(source.text, match.index);
          out.push({
            code: this.code,
            severity: this.severity,
            file: source.path,
            line: at.line,
            column: at.column,
            message: `This looks like ${name}. Secrets must never be committed.`,
            hint: "Delete it, rotate the credential now (it is in git history), and reference the environment variable by name (api_key_env).",
          });
        }
      }
    }
    return out;
  },
};
