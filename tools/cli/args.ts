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

export function requireSha(value: string | undefined, flag: string): string | undefined {
  if (value !== undefined && !/^[0-9a-f]{40}$/.test(value)) throw new UsageError(`${flag} must be a full 40-character lowercase hex sha, got "${value}".`);
  return value;
}

/** A whole number option at least `min`; `fallback` when absent. */
export function wholeNumber(value: string | undefined, flag: string, min: number, fallback: number): number;
export function wholeNumber(value: string | undefined, flag: string, min: number): number | undefined;
export function wholeNumber(value: string | undefined, flag: string, min: number, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === "" || !Number.isInteger(n) || n < min) throw new UsageError(`${flag} must be a whole number of at least ${min}, got "${value}".`);
  return n;
}
