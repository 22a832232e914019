import { result, type AssertionHandler } from "./assertion.ts";

/** Input phrases worth citing: every string value of the inputs, lower-cased. */
function phrases(inputs: unknown, out: string[] = []): string[] {
  if (typeof inputs === "string") {
    const s = inputs.trim().toLowerCase();
    if (s.length >= 3) out.push(s);
  } else if (Array.isArray(inputs)) inputs.forEach((v) => phrases(v, out));
  else if (inputs && typeof inputs === "object") Object.values(inputs).forEach((v) => phrases(v, out));
  return out;
}

/**
 * Each recommendation's rationale (or evidence) names something from the inputs: a skill, a
 * role, an interest, a market fact. Score is the share that do; passes at `min_share` (default 1).
 */
export const grounding: AssertionHandler = ({ def, output, inputs }) => {
  const recs = (output as { recommendations?: { rationale?: string; evidence?: string[] }[] } | null)?.recommendations;
  if (!Array.isArray(recs) || recs.length === 0) return result(false, "expected recommendations to check for grounding, got none");
  const known = phrases(inputs);
  const grounded = recs.filter((r) => {
    const text = [r.rationale ?? "", ...(r.evidence ?? [])].join(" ").toLowerCase();
    return known.some((p) => text.includes(p));
  }).length;
  const share = grounded / recs.length;
  const min = def.min_share ?? 1;
  return result(share >= min, `expected at least ${Math.round(min * 100)}% of rationales to cite the inputs, got ${grounded} of ${recs.length}`, share);
};
