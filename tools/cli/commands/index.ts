import type { CliContext } from "../context.ts";
import { BUILD_HELP, runBuild } from "./build.ts";
import { EVAL_HELP, runEval } from "./eval.ts";
import { KEYGEN_HELP, runKeygen } from "./keygen.ts";
import { PROMOTE_HELP, runPromote } from "./promote.ts";
import { PUBLISH_HELP, runPublish } from "./publish.ts";
import { RECORD_HELP, runRecord } from "./record.ts";
import { SIMULATE_HELP, runSimulate } from "./simulate.ts";
import { VALIDATE_HELP, runValidate } from "./validate.ts";
import { VERIFY_HELP, runVerify } from "./verify.ts";
import { VERSION_HELP, runVersion } from "./version.ts";

export interface Command {
  summary: string;
  /** Printed for `--help` / `-h`, before the command parses anything. */
  help: string;
  run(argv: string[], ctx: CliContext, isTty: boolean): Promise<number>;
}

/** The command table: one entry per subcommand, each with its own --help. */
export const COMMANDS: Record<string, Command> = {
  validate: { summary: "Check every config file and report findings with file, line and hint", help: VALIDATE_HELP, run: runValidate },
  build: { summary: "Validate, then compile one bundle per feature into dist/bundles", help: BUILD_HELP, run: runBuild },
  version: { summary: "Record the next release of each changed feature (semver from the contract diff)", help: VERSION_HELP, run: runVersion },
  verify: { summary: "Check the append-only release ledger (and, with --base, a pull request)", help: VERIFY_HELP, run: runVerify },
  promote: { summary: "Point a channel (production, staging) at a released version; rollback", help: PROMOTE_HELP, run: runPromote },
  publish: { summary: "Lay out released bundles, checksums, signatures and channel pointers", help: PUBLISH_HELP, run: runPublish },
  eval: { summary: "Run eval cases on mock providers, apply the gates, print the reviewer summary", help: EVAL_HELP, run: runEval },
  record: { summary: "Write eval recordings from live provider calls or imported outputs", help: RECORD_HELP, run: runRecord },
  simulate: { summary: "Simulate a month of traffic on mock providers: cost, latency, errors per variant", help: SIMULATE_HELP, run: runSimulate },
  keygen: { summary: "Create the Ed25519 key pair that signs published bundles", help: KEYGEN_HELP, run: runKeygen },
};
