import { PUBLIC_KEY_PATH, SIGNING_KEY_ENV, generateSigningKeys } from "../../io/signing.ts";
import { applyWrites } from "../../io/write-files.ts";
import { parse } from "../args.ts";
import type { CliContext } from "../context.ts";
import { EXIT } from "../errors.ts";

export const KEYGEN_HELP = `Usage: llmcfg keygen [options]

Create a new Ed25519 key pair for signing published bundles. Writes the public key to
${PUBLIC_KEY_PATH} (commit it; Rails verifies with it) and prints the private key once, for the
CI secret ${SIGNING_KEY_ENV}. The private key is never written to disk.

Options:
  --root <dir>   Repository root (default: current directory)
  -h, --help     Show this help
`;

export async function runKeygen(argv: string[], ctx: CliContext): Promise<number> {
  const args = parse("keygen", argv, { root: { type: "string" } });
  const { privatePem, publicPem } = generateSigningKeys();
  await applyWrites(args.str("root") ?? ctx.cwd, [{ path: PUBLIC_KEY_PATH, contents: publicPem }]);
  ctx.stderr(`Wrote ${PUBLIC_KEY_PATH}. Store the private key below as the secret ${SIGNING_KEY_ENV}, then discard it:\n`);
  ctx.stdout(privatePem);
  return EXIT.ok;
}
