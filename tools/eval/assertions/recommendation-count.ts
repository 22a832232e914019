import { result, type AssertionHandler } from "./assertion.ts";

/** Number of items in `recommendations` within [min, max]. */
export const recommendationCount: AssertionHandler = ({ def, output }) => {
  const list = (output as { recommendations?: unknown } | null)?.recommendations;
  const min = def.min ?? 0;
  const max = def.max ?? Number.POSITIVE_INFINITY;
  if (!Array.isArray(list)) return result(false, `expected ${min}-${max} recommendations, got no recommendations list`);
  return result(list.length >= min && list.length <= max, `expected ${min}-${max} recommendations, got ${list.length}`);
};
