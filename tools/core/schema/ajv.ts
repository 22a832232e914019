import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

// ajv and ajv-formats are CommonJS; under NodeNext the default export may arrive wrapped.
type AjvClass = typeof Ajv2020Module.default;
const Ajv2020 = ((Ajv2020Module as unknown as { default?: AjvClass }).default ?? Ajv2020Module) as AjvClass;
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule.default }).default ??
  addFormatsModule) as typeof addFormatsModule.default;

export type Ajv = InstanceType<AjvClass>;
export type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js";

/** Strict ajv: unknown keywords, ambiguous types and bad formats in a schema are errors. */
export function createAjv(options: { allErrors?: boolean; verbose?: boolean } = {}): Ajv {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: options.allErrors ?? true, verbose: options.verbose ?? true, discriminator: true });
  addFormats(ajv);
  return ajv;
}
