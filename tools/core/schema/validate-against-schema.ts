import { didYouMean } from "../did-you-mean.ts";
import type { Diagnostic } from "../diagnostics.ts";
import type { JsonPointer, ParsedFile } from "../parse/parse-yaml.ts";
import { createAjv, type ErrorObject, type ValidateFunction } from "./ajv.ts";
import { SCHEMAS, type SchemaName } from "./contracts.ts";

let validators: Map<SchemaName, ValidateFunction> | undefined;

/** Compiled once per process: compiling is the slow part of ajv. */
export function getValidator(name: SchemaName): ValidateFunction {
  if (!validators) {
    const ajv = createAjv();
    for (const schema of Object.values(SCHEMAS)) ajv.addSchema(schema);
    validators = new Map(
      (Object.keys(SCHEMAS) as SchemaName[]).map((key) => [key, ajv.getSchema(SCHEMAS[key].$id)!] as const),
    );
  }
  return validators.get(name)!;
}

/** Schema check of one parsed file: one diagnostic per violation, at the offending line. */
export function validateAgainstSchema(name: SchemaName, file: ParsedFile): Diagnostic[] {
  const validate = getValidator(name);
  if (validate(file.data)) return [];
  return relevantErrors(validate.errors ?? []).map((error) => toDiagnostic(error, file));
}

/** The same check for data that has no source file (compiled bundles). */
export function schemaErrors(name: SchemaName, data: unknown): string[] {
  const validate = getValidator(name);
  if (validate(data)) return [];
  return relevantErrors(validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? e.keyword}`);
}

// oneOf/anyOf/if umbrella errors repeat what their branches already said.
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const specific = errors.filter((e) => !["oneOf", "anyOf", "if", "discriminator"].includes(e.keyword) || errors.length === 1);
  const seen = new Set<string>();
  return (specific.length > 0 ? specific : errors).filter((e) => {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function pointerOf(instancePath: string): JsonPointer {
  if (instancePath === "") return [];
  return instancePath
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function toDiagnostic(error: ErrorObject, file: ParsedFile): Diagnostic {
  const pointer = pointerOf(error.instancePath);
  const where = pointer.length ? pointer.join(".") : "the document";
  const { message, hint, at } = explain(error, pointer, where);
  const position = file.locate(at.pointer, at.target);
  return { code: "schema", severity: "error", file: file.path, line: position.line, column: position.column, message, hint };
}

interface Explained {
  message: string;
  hint: string;
  at: { pointer: JsonPointer; target: "key" | "value" };
}

function explain(error: ErrorObject, pointer: JsonPointer, where: string): Explained {
  const here = { pointer, target: "value" as const };
  const described = typeof error.parentSchema?.description === "string" ? ` (${error.parentSchema.description})` : "";
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties": {
      const name = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      const guess = didYouMean(name, allowed).trim();
      const suggestion = guess ? `${guess} ` : "";
      return {
        message: `Unknown property "${name}" in ${where}.`,
        hint: `${suggestion}Allowed here: ${allowed.join(", ") || "nothing"}.`,
        at: { pointer: [...pointer, name], target: "key" },
      };
    }
    case "required": {
      const missing = String(params.missingProperty);
      const schemaProps = error.parentSchema?.properties as Record<string, { description?: string }> | undefined;
      const about = schemaProps?.[missing]?.description;
      return {
        message: `Missing required property "${missing}" in ${where}.`,
        hint: `Add "${missing}"${about ? `: ${about}` : "."}`,
        at: here,
      };
    }
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const guess = typeof error.data === "string" ? didYouMean(error.data, allowed) : "";
      return { message: `${where} must be one of: ${allowed.join(", ")}.`, hint: `${guess ? `${guess.trim()} ` : ""}Use one of the allowed values${described}.`, at: here };
    }
    case "const":
      return { message: `${where} must be ${JSON.stringify(params.allowedValue)}.`, hint: `Set it to ${JSON.stringify(params.allowedValue)}${described}.`, at: here };
    case "type":
      return { message: `${where} must be of type ${String(params.type)}.`, hint: `Write a ${String(params.type)} here${described}.`, at: here };
    case "pattern":
      return { message: `${where} does not match the required pattern ${String(params.pattern)}.`, hint: `Fix the value${described}.`, at: here };
    case "format":
      return { message: `${where} is not a valid ${String(params.format)}.`, hint: formatHint(String(params.format)), at: here };
    default:
      return { message: `${where} ${error.message ?? `fails ${error.keyword}`}.`, hint: `Fix the value${described}.`, at: here };
  }
}

function formatHint(format: string): string {
  switch (format) {
    case "date":
      return 'Write a calendar date as "YYYY-MM-DD", quoted.';
    case "uri":
      return "Write an absolute URL such as https://example.com/page.";
    default:
      return `Write a valid ${format}.`;
  }
}
