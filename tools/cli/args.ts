import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./errors.ts";

export type Options = NonNullable<ParseArgsConfig["options"]>;

/** parseArgs with our usage errors: an unknown flag names the command's --help. */
export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  /** A string option's value (undefined when absent). */
  str(name: string): string | undefined;
  /** A boolean flag (false when absent). */
  flag(name: string): boolean;
}

export function parse(command: string, argv: string[], options: Options, allowPositionals = false): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { help: { type: "boolean", short: "h" }, ...options }, allowPositionals, strict: true });
    const record = values as Record<string, string | boolean | undefined>;
    return {
      values: record,
      positionals,
      str: (name) => (typeof record[name] === "string" ? (record[name] as string) : undefined),
      flag: (name) => record[name] === true,
    };
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nRun "llmcfg ${command} --help" for usage.`);
  }
}

export function requireDate(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UsageError(`${flag} must be a date as YYYY-MM-DD, got "${value}".`);
  return value;
}
