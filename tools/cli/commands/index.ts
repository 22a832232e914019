import type { CliContext } from "../context.ts";
import { runBuild } from "./build.ts";
import { runEval } from "./eval.ts";
import { runKeygen } from "./keygen.ts";
import { runPromote } from "./promote.ts";
import { runPublish } from "./publish.ts";
import { runRecord } from "./record.ts";
import { runSimulate } from "./simulate.ts";
import { runValidate } from "./validate.ts";
import { runVerify } from "./verify.ts";
import { runVersion } from "./version.ts";

export interface Command {
  summary: string;
  run(argv: string[], ctx: CliContext, isTty: boolean): Promise<number>;
}

/** The command table: one entry per subcommand, each with its own --help. */
export const COMMANDS: Record<string, Command> = {
  validate: { summary: "Check every config file and report findings with file, line and hint", run: runValidate },
  build: { summary: "Validate, then compile one bundle per feature into dist/bundles", run: runBuild },
  version: { summary: "Record the next release of each changed feature (semver from the contract diff)", run: runVersion },
  verify: { summary: "Check the append-only release ledger (and, with --base, a pull request)", run: runVerify },
  promote: { summary: "Point a channel (production, staging) at a released version; rollback", run: runPromote },
  publish: { summary: "Lay out released bundles, checksums, signatures and channel pointers", run: runPublish },
  eval: { summary: "Run eval cases on mock providers, apply the gates, print the reviewer summary", run: runEval },
  record: { summary: "Write eval recordings from live provider calls or imported outputs", run: runRecord },
  simulate: { summary: "Simulate a month of traffic on mock providers: cost, latency, errors per variant", run: runSimulate },
  keygen: { summary: "Create the Ed25519 key pair that signs published bundles", run: runKeygen },
};
