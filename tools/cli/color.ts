import type { CliContext } from "./context.ts";

export interface Colors {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

/** Color only on a terminal, never with NO_COLOR (https://no-color.org); FORCE_COLOR forces it. */
export function colors(ctx: CliContext, isTty: boolean): Colors {
  const on = ctx.env.NO_COLOR === undefined || ctx.env.NO_COLOR === "" ? ctx.env.FORCE_COLOR !== undefined || isTty : false;
  const wrap = (open: number, close: number) => (s: string) => (on ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
}
