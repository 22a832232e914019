import { createAjv, type Ajv, type ValidateFunction } from "./ajv.ts";

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

/**
 * Compile an output contract with strict ajv, once per distinct schema: compiling costs
 * milliseconds, validating microseconds. Throws when the schema itself is invalid.
 */
export function compileOutputContract(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    ajv ??= createAjv({ allErrors: true, verbose: false });
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  return validate;
}
