import type { InputField, ObjectField } from "../../core/model/types.ts";

export interface InputError {
  path: string;
  message: string;
}

/**
 * Validate request inputs against a prompt's declared inputs (the bounded subset that
 * prompt.schema.json allows), without a schema compiler: small enough to port to Ruby line for
 * line. Undeclared top-level inputs are ignored, because the variants of one feature may
 * declare different inputs and Rails sends the feature's union; nested objects are strict.
 */
export function validateInputs(inputs: ObjectField, values: Readonly<Record<string, unknown>>): InputError[] {
  const errors: InputError[] = [];
  checkObject(inputs, values, "", errors, false);
  return errors;
}

function checkObject(field: ObjectField, value: unknown, path: string, errors: InputError[], strict: boolean): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    errors.push({ path: path || "(inputs)", message: "must be an object" });
    return;
  }
  const record = value as Record<string, unknown>;
  for (const name of field.required ?? []) {
    if (record[name] === undefined || record[name] === null) errors.push({ path: join(path, name), message: "is required" });
  }
  for (const [name, child] of Object.entries(record)) {
    const def = field.properties[name];
    if (!def) {
      if (strict) errors.push({ path: join(path, name), message: "is not a declared field" });
      continue;
    }
    if (child !== undefined && child !== null) checkField(def, child, join(path, name), errors);
  }
}

function checkField(field: InputField, value: unknown, path: string, errors: InputError[]): void {
  switch (field.type) {
    case "string":
      if (typeof value !== "string") return void errors.push({ path, message: "must be a string" });
      if (value.length > field.maxLength) errors.push({ path, message: `is ${value.length} characters; the limit is ${field.maxLength}` });
      if (field.minLength !== undefined && value.length < field.minLength) errors.push({ path, message: `is shorter than ${field.minLength} characters` });
      if (field.enum && !field.enum.includes(value)) errors.push({ path, message: `must be one of ${field.enum.join(", ")}` });
      return;
    case "integer":
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value) || (field.type === "integer" && !Number.isInteger(value))) return void errors.push({ path, message: `must be ${field.type === "integer" ? "an integer" : "a number"}` });
      if (field.minimum !== undefined && value < field.minimum) errors.push({ path, message: `must be at least ${field.minimum}` });
      if (field.maximum !== undefined && value > field.maximum) errors.push({ path, message: `must be at most ${field.maximum}` });
      return;
    case "boolean":
      if (typeof value !== "boolean") errors.push({ path, message: "must be true or false" });
      return;
    case "array":
      if (!Array.isArray(value)) return void errors.push({ path, message: "must be a list" });
      if (value.length > field.maxItems) errors.push({ path, message: `has ${value.length} items; the limit is ${field.maxItems}` });
      if (field.minItems !== undefined && value.length < field.minItems) errors.push({ path, message: `has fewer than ${field.minItems} items` });
      value.forEach((item, i) => checkField(field.items, item, `${path}[${i}]`, errors));
      return;
    case "object":
      checkObject(field, value, path, errors, true);
  }
}

function join(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}
