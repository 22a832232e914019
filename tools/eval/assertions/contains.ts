import { result, type AssertionHandler } from "./assertion.ts";

/** The raw response contains `value` (case-sensitive). */
export const contains: AssertionHandler = ({ def, text }) => {
  const found = (text ?? "").includes(def.value!);
  return result(found, found ? `response contains "${def.value}"` : `expected the response to contain "${def.value}", it does not`);
};

/** The raw response does not contain `value`. */
export const notContains: AssertionHandler = ({ def, text }) => {
  const found = (text ?? "").includes(def.value!);
  return result(!found, found ? `expected no "${def.value}" in the response, found it` : `response has no "${def.value}"`);
};
