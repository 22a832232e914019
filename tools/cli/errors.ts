/** A mistake in how the command was called: printed plainly with exit code 2, no stack. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Exit codes, as documented in the README. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;
