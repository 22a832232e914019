import type { CliContext } from "../context.ts";
import { runBuild } from "./build.ts";
import { runValidate } from "./validate.ts";

export interface Command {
  summary: string;
  run(argv: string[], ctx: CliContext, isTty: boolean): Promise<number>;
}

/** The command table: one entry per subcommand, each with its own --help. */
export const COMMANDS: Record<string, Command> = {
  validate: { summary: "Check every config file and report findings with file, line and hint", run: runValidate },
  build: { summary: "Validate, then compile one bundle per feature into dist/bundles", run: runBuild },
};
