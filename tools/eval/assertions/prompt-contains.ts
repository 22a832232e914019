import { result, type AssertionHandler } from "./assertion.ts";

/** The rendered prompt carries the facts the answer must rest on. */
export const promptContains: AssertionHandler = ({ def, messages }) => {
  const text = messages.map((m) => m.content).join("\n");
  const missing = (def.values ?? []).filter((v) => !text.includes(v));
  return result(missing.length === 0, missing.length === 0 ? `rendered prompt contains all ${def.values!.length} facts` : `expected the rendered prompt to contain ${missing.map((m) => `"${m}"`).join(", ")}; missing`, 1 - missing.length / Math.max(1, def.values!.length));
};
