import { result, type AssertionHandler } from "./assertion.ts";

/** Cost of the request at list prices. */
export const maxCost: AssertionHandler = ({ def, costUsd }) =>
  result(costUsd <= def.usd!, `expected at most $${def.usd} a request, got $${costUsd.toFixed(5)}`);
