import { result, type AssertionHandler } from "./assertion.ts";

/** The raw response matches `pattern`. */
export const regex: AssertionHandler = ({ def, text }) => {
  const match = new RegExp(def.pattern!).exec(text ?? "");
  return result(match !== null, match ? `response matches /${def.pattern}/ at "${match[0].slice(0, 40)}"` : `expected a match for /${def.pattern}/, found none`);
};

/** The raw response does not match `pattern`. */
export const notRegex: AssertionHandler = ({ def, text }) => {
  const match = new RegExp(def.pattern!).exec(text ?? "");
  return result(match === null, match ? `expected no match for /${def.pattern}/, found "${match[0].slice(0, 40)}"` : `response does not match /${def.pattern}/`);
};
