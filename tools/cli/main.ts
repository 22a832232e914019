import { processContext, type CliContext } from "./context.ts";
import { COMMANDS } from "./commands/index.ts";
import { EXIT, UsageError } from "./errors.ts";

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `Usage: llmcfg <command> [options]

LLM configuration and release tools: validate and compile prompts, providers and experiments.

Commands:
${rows.join("\n")}

Run "llmcfg <command> --help" for a command's options.
Exit codes: 0 success, 1 findings or failed checks, 2 usage or internal error.
`;
}

/** One top-level catch: user errors print their message, anything else is a bug with a stack. */
export async function main(argv: string[], ctx: CliContext, isTty: boolean): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      ctx.stdout(help());
      return name === undefined ? EXIT.usage : EXIT.ok;
    }
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`Unknown command "${name}".\n\n${help()}`);
    if (rest.includes("--help") || rest.includes("-h")) {
      ctx.stdout(command.help);
      return EXIT.ok;
    }
    return await command.run(rest, ctx, isTty);
  } catch (error) {
    if (error instanceof UsageError) {
      ctx.stderr(`llmcfg: ${error.message}\n`);
      return EXIT.usage;
    }
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    ctx.stderr(`llmcfg: internal error; this is a bug, please report it with the output below.\n${stack}\n`);
    return EXIT.usage;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("/tools/cli/main.ts")) {
  main(process.argv.slice(2), processContext(), Boolean(process.stdout.isTTY)).then((code) => {
    process.exitCode = code;
  });
}
