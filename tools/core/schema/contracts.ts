import bundleSchema from "../../../schemas/bundle.schema.json" with { type: "json" };
import featureSchema from "../../../schemas/feature.schema.json" with { type: "json" };
import promptSchema from "../../../schemas/prompt.schema.json" with { type: "json" };
import providerSchema from "../../../schemas/provider.schema.json" with { type: "json" };
import releaseIndexSchema from "../../../schemas/release-index.schema.json" with { type: "json" };
import channelsSchema from "../../../schemas/channels.schema.json" with { type: "json" };
import scenariosSchema from "../../../schemas/scenarios.schema.json" with { type: "json" };
import evalsSchema from "../../../schemas/evals.schema.json" with { type: "json" };
import telemetrySchema from "../../../schemas/telemetry-event.schema.json" with { type: "json" };

/** The public contracts, one per file kind plus the compiled bundle. */
export const SCHEMAS = {
  provider: providerSchema,
  prompt: promptSchema,
  feature: featureSchema,
  bundle: bundleSchema,
  releaseIndex: releaseIndexSchema,
  channels: channelsSchema,
  scenarios: scenariosSchema,
  evals: evalsSchema,
  telemetry: telemetrySchema,
} as const;

export type SchemaName = keyof typeof SCHEMAS;

/** Schema file each kind's YAML must name in its `# yaml-language-server: $schema=` line. */
export const SCHEMA_FILES: Record<SchemaName, string> = {
  provider: "schemas/provider.schema.json",
  prompt: "schemas/prompt.schema.json",
  feature: "schemas/feature.schema.json",
  bundle: "schemas/bundle.schema.json",
  releaseIndex: "schemas/release-index.schema.json",
  channels: "schemas/channels.schema.json",
  scenarios: "schemas/scenarios.schema.json",
  evals: "schemas/evals.schema.json",
  telemetry: "schemas/telemetry-event.schema.json",
};
