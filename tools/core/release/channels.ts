import semver from "semver";
import { parseDocument } from "yaml";
import type { Diagnostic } from "../diagnostics.ts";
import { parseYamlFile } from "../parse/parse-yaml.ts";
import { validateAgainstSchema } from "../schema/validate-against-schema.ts";
import { CHANNELS_PATH, type LedgerIndex } from "./ledger.ts";
import { ledgerDiagnostic } from "./read-ledger.ts";

export interface ChannelPointer {
  version: string;
  reason: string;
}

/** feature -> channel name -> pointer */
export type Channels = Record<string, Record<string, ChannelPointer>>;

export const CHANNELS_HEADER = `# yaml-language-server: $schema=../schemas/channels.schema.json
# Which released version each channel serves, per feature. Rails polls the channel it is
# configured with (production, staging). Move a pointer with \`llmcfg promote\`; every move is a
# reviewed change with a reason, so git history is the audit log.
`;

export function parseChannels(text: string | undefined, index: LedgerIndex): { channels: Channels; diagnostics: Diagnostic[] } {
  if (text === undefined) return { channels: {}, diagnostics: [] };
  const parsed = parseYamlFile({ path: CHANNELS_PATH, text });
  if (!parsed.ok) return { channels: {}, diagnostics: parsed.diagnostics };
  const diagnostics = validateAgainstSchema("channels", parsed.file);
  if (diagnostics.length > 0) return { channels: {}, diagnostics };
  const channels = (parsed.file.data ?? {}) as Channels;
  for (const [feature, named] of Object.entries(channels)) {
    for (const [name, pointer] of Object.entries(named)) {
      if (!(index.features[feature] ?? []).some((e) => e.version === pointer.version)) {
        const at = parsed.file.locate([feature, name, "version"]);
        diagnostics.push({ ...ledgerDiagnostic("channel-unknown-version", CHANNELS_PATH, `Channel ${feature}/${name} points at ${pointer.version}, which was never released.`, "Point it at a released version (see releases/index.json) with `llmcfg promote`."), ...at });
      }
    }
  }
  return { channels, diagnostics };
}

export interface PromoteRequest {
  feature: string;
  version: string;
  channel: string;
  reason: string;
  allowMajor: boolean;
}

export type PromoteResult = { ok: true; text: string; from: string | null } | { ok: false; message: string; hint: string };

/**
 * Move one channel pointer, editing the YAML in place so comments and order survive. A move
 * across a major version (either way) needs --allow-major: Rails code must match the major.
 */
export function promote(text: string | undefined, index: LedgerIndex, request: PromoteRequest): PromoteResult {
  const { feature, version, channel, reason, allowMajor } = request;
  const released = (index.features[feature] ?? []).map((e) => e.version);
  if (released.length === 0) return { ok: false, message: `${feature} has no releases.`, hint: "Run `llmcfg version` and merge the release first." };
  if (!released.includes(version)) return { ok: false, message: `${feature}@${version} was never released.`, hint: `Released versions: ${released.join(", ")}.` };
  if (reason.trim().length < 3) return { ok: false, message: "A reason is required.", hint: 'Say why, e.g. --reason "Roll back: 1.3.0 doubles p95 latency".' };
  const doc = parseDocument(text ?? CHANNELS_HEADER);
  const current = doc.getIn([feature, channel, "version"]) as string | undefined;
  if (current === version) return { ok: false, message: `${feature}/${channel} already serves ${version}.`, hint: "Nothing to do." };
  if (current && semver.major(current) !== semver.major(version) && !allowMajor) {
    return {
      ok: false,
      message: `Moving ${feature}/${channel} from ${current} to ${version} crosses a major version.`,
      hint: "Major versions need matching Rails code. Check the Rails side, then repeat with --allow-major.",
    };
  }
  if (!doc.contents || doc.get(feature) === undefined) doc.setIn([feature], doc.createNode({}));
  doc.setIn([feature, channel], doc.createNode({ version, reason: reason.trim() }));
  return { ok: true, text: doc.toString({ lineWidth: 0 }), from: current ?? null };
}
