import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileBundles } from "../../tools/core/compile/compile-bundle.ts";
import { createAjv } from "../../tools/core/schema/ajv.ts";
import { schemaErrors } from "../../tools/core/schema/validate-against-schema.ts";
import { validateSources } from "../../tools/core/validate.ts";
import { REPO_ROOT, baseSources, repoSources } from "../helpers/source-tree.ts";

const SCHEMA_DIR = join(REPO_ROOT, "schemas");
const schemaFiles = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".schema.json")).sort();
const load = (file: string) => JSON.parse(readFileSync(join(SCHEMA_DIR, file), "utf8")) as Record<string, unknown>;

/** Every entry under `properties` in a schema, with its path, to check it documents itself. */
function propertiesOf(node: unknown, path: string, out: { path: string; schema: Record<string, unknown> }[] = []) {
  if (Array.isArray(node)) node.forEach((n, i) => propertiesOf(n, `${path}/${i}`, out));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "properties" && value && typeof value === "object") {
        // A map of property schemas: each entry is a schema, never a keyword.
        for (const [name, schema] of Object.entries(value)) {
          out.push({ path: `${path}/properties/${name}`, schema: schema as Record<string, unknown> });
          propertiesOf(schema, `${path}/properties/${name}`, out);
        }
      } else {
        propertiesOf(value, `${path}/${key}`, out);
      }
    }
  }
  return out;
}

describe("schemas/", () => {
  it("holds the contract for every file kind, the bundle, and more", () => {
    expect(schemaFiles).toEqual(expect.arrayContaining(["bundle.schema.json", "feature.schema.json", "prompt.schema.json", "provider.schema.json"]));
  });

  it("compiles every schema together under strict ajv", () => {
    const ajv = createAjv();
    for (const file of schemaFiles) ajv.addSchema(load(file));
    for (const file of schemaFiles) expect(() => ajv.getSchema(load(file).$id as string)).not.toThrow();
  });

  it.each(schemaFiles)("%s is JSON Schema 2020-12 with a title or description on every property", (file) => {
    const schema = load(file);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    const undocumented = propertiesOf(schema, "#")
      .filter(({ schema: s }) => typeof s.title !== "string" && typeof s.description !== "string" && typeof s.$ref !== "string")
      .map((p) => p.path);
    expect(undocumented).toEqual([]);
  });
});

describe("examples and fixtures validate", () => {
  it("the repository's own config has no errors (lifecycle warnings expected)", () => {
    const { diagnostics } = validateSources(repoSources(), { today: "2026-12-04" });
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(new Set(diagnostics.map((d) => d.code))).toEqual(new Set(["model-lifecycle"]));
  });

  it.each([
    ["repository", repoSources],
    ["base fixture", baseSources],
  ] as const)("the %s compiles to bundles that satisfy bundle.schema.json", (_name, sources) => {
    const { model } = validateSources(sources(), { today: "2025-01-01" });
    const bundles = compileBundles(model, { sourceCommit: "0123456789abcdef0123456789abcdef01234567" });
    expect(bundles.length).toBeGreaterThan(0);
    for (const { bundle } of bundles) expect(schemaErrors("bundle", bundle)).toEqual([]);
  });
});
