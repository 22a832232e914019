import { result, type AssertionHandler } from "./assertion.ts";

/** The response parsed and satisfied the prompt's output contract. */
export const outputContract: AssertionHandler = ({ outputError }) =>
  outputError === null ? result(true, "output satisfies the contract") : result(false, `expected output satisfying the contract, got: ${outputError}`);
