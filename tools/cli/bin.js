#!/usr/bin/env node
// The published entry point: registers tsx so the TypeScript CLI runs without a build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./main.ts");
const { processContext } = await import("./context.ts");
process.exitCode = await main(process.argv.slice(2), processContext(), Boolean(process.stdout.isTTY));
