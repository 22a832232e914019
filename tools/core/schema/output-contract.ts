import { createAjv, type Ajv, type ValidateFunction } from "./ajv.ts";

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();
const bySchemaObject = new WeakMap<object, ValidateFunction>();

/**
 * Compile an output contract with strict ajv, once per distinct schema: compiling costs
 * milliseconds, validating microseconds. Throws when the schema itself is invalid.
 */
export function compileOutputContract(schema: Record<string, unknown>): ValidateFunction {
  const known = bySchemaObject.get(schema);
  if (known) return known;
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    ajv ??= createAjv({ allErrors: true, verbose: false });
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  bySchemaObject.set(schema, validate);
  return validate;
}

/** The runtime's OutputValidator backed by strict ajv: an error message, or null when valid. */
export function validateOutputContract(_key: string, schema: Record<string, unknown>, value: unknown): string | null {
  const validate = compileOutputContract(schema);
  if (validate(value)) return null;
  const e = validate.errors?.[0];
  return e ? `${e.instancePath || "/"} ${e.message ?? e.keyword}` : "does not match the output contract";
}
